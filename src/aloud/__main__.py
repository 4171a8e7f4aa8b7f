from aloud.cli import main

main()
