# Shared by the Spanish scripts (docs/i18n.md): is a page in Spanish, with no
# English word a person reads left? A script may add words of its own pages:
# ENGLISH="$ENGLISH|Ledger|Grant" before calling spanish.
#
#	. "$TEST_TOP/tests/http/i18n.sh"	# after lib.sh (the script runs in its test directory)

# English words that must not be left on a Spanish page (whole words, as read)
ENGLISH='Sign|Password|Email|address|Question|Strongly|agree|disagree|Neither|Send|Your|your|Thank|Skip|settings|digest|Daily|Weekly|Save|link|survey|answers|There|problem|Choose|Enter|the|and|with|This|not|Language|Program|member|admin|viewer|Users|audit'

# english_left FILE: the English words of ENGLISH a person reads on the page
# in FILE (its text and its aria-label and title attributes), leaving out the
# data: the program's name, the initiative's name in <strong>, the
# switch's language names, email addresses.
english_left () {
	sed -e 's|<a class="brand"[^>]*>[^<]*</a>||g' -e 's|<strong>[^<]*</strong>||g' \
	    -e 's|<nav class="langs"[^>]*><ul>\(<li><a[^>]*>[^<]*</a></li>\)*</ul></nav>||' "$1" |
	sed -e 's/\(aria-label\|title\)="\([^"]*\)"/>\2</g' -e 's/<[^>]*>/\n/g' |
	grep -v '@' | grep -owE "$ENGLISH" | sort -u
}

# spanish FILE: the page is in Spanish: <html lang="es">, no English word left.
spanish () {
	test_grep '<html lang="es">' "$1" &&
	english_left "$1" >english &&
	test_line_count english 0 || { cat english; return 1; }
}
