/// A row that could not be read (its error is already recorded).
struct BillRowError: Error {}
