import HWCCLI

CLI.main()
