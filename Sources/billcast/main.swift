import BillcastCLI

BillcastCommand.main()
