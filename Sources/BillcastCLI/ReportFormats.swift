import ArgumentParser

/// The formats one command writes, as a type the command owns: its `--format` offers these
/// cases and no others, and the command renders each one (see ``RenderedReport``).
///
/// Adding a format to a command is a case in its enum and an arm in its render function; a
/// command that does not offer the format is not touched, and a format a command does not offer
/// cannot be chosen (the parser refuses it).
protocol ReportFormats: ExpressibleByArgument, CaseIterable, RawRepresentable, Sendable where RawValue == String {
  /// A text table for people: every command writes one, and it is the default.
  static var table: Self { get }
}
