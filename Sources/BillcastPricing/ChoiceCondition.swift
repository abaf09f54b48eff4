import BillcastCore

/// A condition on choice inputs: every named input has one of the listed values.
public typealias ChoiceCondition = [String: [String]]
