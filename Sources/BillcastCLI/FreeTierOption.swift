import ArgumentParser
import BillcastProfile

/// `--free-tier`: the account's free tier, instead of the one the profile states.
struct FreeTierOption: ParsableArguments {
  @Option(name: .customLong("free-tier"), help: "Override the account's free tier.")
  var freeTier: Account.FreeTier?
}
