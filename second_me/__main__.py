from second_me.cli import main

main()
