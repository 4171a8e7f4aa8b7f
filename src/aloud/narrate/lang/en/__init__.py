"""English: the rules a narrator of English follows."""
