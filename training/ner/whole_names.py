"""Whole-name check of an NER model through ``arabnews.recognize`` (dev behaviour, not a score).

ANERcorp's names are mostly one or two words, so its F1 hardly sees a model that cuts a long
name ("مها سليمان طه" + "أيوب") or drops a first name. Modern news writes full names of three
or four words, female names and foreign names. This script puts 36 person names (written for
arabnews, CC0; Arabic chains of 2-4 words, female and male, foreign, with بن and آل) into 4
sentence frames and counts the sentences where ``recognize`` returns exactly that name as the
only PER entity::

    python training/ner/whole_names.py [--model-dir DIR]   # default: the shipped model

Used beside the dev F1 when choosing a model (``training/ner/runs.md``).
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

NAMES = (
    "مها سليمان طه أيوب",
    "سلوى عبد الله محمد الحسن",
    "ريم خالد عمر النعيمي",
    "هدى فؤاد سالم المصري",
    "عمر حسن علي البشير",
    "ليلى يوسف أحمد الخطيب",
    "نادية سعيد ناصر العلي",
    "منى جابر حسين الفارس",
    "سامر طارق منصور الحلبي",
    "دينا محمود عادل شريف",
    "رنا وليد سامي حداد",
    "فاطمة علي حسن الزهراني",
    "سارة الكعبي",
    "خالد المشري",
    "يوسف العتيبة",
    "نجلاء المنقوش",
    "هشام الطاهر",
    "أسماء الأسد",
    "لينا الخطيب",
    "غسان سلامة",
    "كريستين لاغارد",
    "أولاف شولتس",
    "جاكوب زوما",
    "إيمانويل ماكرون",
    "كير ستارمر",
    "كاميلا هاريس",
    "فولكر تورك",
    "مارك روته",
    "عبد الفتاح السيسي",
    "محمد بن سلمان",
    "تميم بن حمد آل ثاني",
    "عبد المجيد تبون",
    "نجيب ميقاتي",
    "رجب طيب أردوغان",
    "محمد شياع السوداني",
    "قيس سعيد",
)
FRAMES = (
    "وقالت {} إن المشروع سينتهي قريبا.",
    "وأكد {} أن الاتفاق لم يكتمل بعد.",
    "التقى {} وفدا من رجال الأعمال أمس.",
    "وفي تصريح صحفي، أوضح {} أن الحكومة ستواصل العمل.",
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model-dir", type=Path, help="a model folder (default: the shipped one)")
    ap.add_argument("--show", action="store_true", help="print the sentences that fail")
    args = ap.parse_args(argv)
    from arabnews.ner import CombinedRecognizer, GazetteerRecognizer, StanzaRecognizer, recognize

    model = StanzaRecognizer(args.model_dir) if args.model_dir else StanzaRecognizer()
    rec = CombinedRecognizer(model, GazetteerRecognizer())
    ok = n = 0
    for name, frame in itertools.product(NAMES, FRAMES):
        text = frame.format(name)
        got = [e.text for e in recognize(text, recognizer=rec) if e.label == "PER"]
        n += 1
        ok += got == [name]
        if args.show and got != [name]:
            print(f"{name} -> {got}")
    print(f"whole name and nothing else: {ok} of {n} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
