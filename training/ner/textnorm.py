"""Token normalisation shared by the NER training scripts.

The shipped model was trained on tokens normalised with :func:`normalize_token`, and the runtime
wrapper must feed Stanza tokens normalised the same way (``manifest.json`` records this as
``input_normalization``).  Only marks that carry no lexical identity are removed: Arabic
diacritics (harakat, tanwin, shadda, sukun, dagger alef and other combining marks U+0610-U+061A,
U+064B-U+065F, U+0670, U+06D6-U+06ED), tatweel (U+0640) and invisible format characters.  Hamza
and alef variants, ta marbuta and alef maqsura are kept, because ANERcorp keeps them and folding
them would merge distinct words.
"""

from __future__ import annotations

import re
import unicodedata

_STRIP = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
    "\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def normalize_token(token: str) -> str:
    """Return ``token`` NFC-normalised without diacritics, tatweel and format controls.

    A token made only of stripped marks is returned unchanged so that no token becomes empty.
    """
    out = _STRIP.sub("", unicodedata.normalize("NFC", token))
    return out if out else token
