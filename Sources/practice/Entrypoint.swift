import PracticeCLI

Practice.main()
