"""Sorting words the way a reader of their language expects, without ICU.

The key approximates the Unicode Collation Algorithm's primary level:
compatibility-decomposed, case-folded, combining marks dropped, so Ö files
under O, أ under ا and ё under е, while Arabic, Cyrillic and Greek letters keep
their alphabet's order (Unicode encodes each alphabet in its traditional order).
Accents and case then break ties. Letters that look accented but are letters of
their own (Russian й, Spanish ñ) sort right after their base letter, as in CLDR.

Chinese falls back to code point order, which for Han characters is the
radical-and-stroke order of the Kangxi dictionary; pinyin order would need
CLDR's collation tables (PyICU).
"""

import unicodedata

# After the base letter and before the next one: "ñ" -> "n" + this compares
# greater than "n" followed by any real letter, and less than "o".
_AFTER_BASE = "\U0010ffff"

# CLDR root collation: й is a letter in every Cyrillic alphabet.
_OWN_LETTERS_ROOT = {"й": "и"}
_OWN_LETTERS = {"es": {"ñ": "n"}}


def collation_key(text: str, language: str = "") -> tuple[str, str, str]:
    folded = text.strip().casefold()
    own_letters = {**_OWN_LETTERS_ROOT, **_OWN_LETTERS.get(language.split("-")[0], {})}
    for letter, base in own_letters.items():
        folded = folded.replace(letter, base + _AFTER_BASE)
    decomposed = unicodedata.normalize("NFKD", folded)
    primary = "".join(char for char in decomposed if not unicodedata.combining(char))
    return primary, decomposed, text
