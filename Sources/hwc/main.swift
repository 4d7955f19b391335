import HWCCLI
CLI.main()
