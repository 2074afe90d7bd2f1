"""A text of one long paragraph: annotate's time should grow with the text, not with its
square (the context decisions once searched a name's whole paragraph for each name).

    python benchmarks/long_paragraph.py [MB ...]     (default: 0.05 0.1 0.2 0.4)

Prints the CPU time of ``Glossary().annotate`` (warm index, warm matcher) on a paragraph
of mainland and Taiwan names, English and Simplified Chinese, with words for China, bodies
the PRC shares and homonyms abroad: the cases the context rules work on.
"""

from __future__ import annotations

import sys
import time

from glossary import Glossary

UNIT = (
    "天津市和平区商务局表示，外交部发言人说，中方愿意合作。"
    "Officials in Tianjin said Heping District and the Ministry of Foreign Affairs met; "
    "China's Ministry of Education agreed. Xinyi District was spared. "
)


def main() -> None:
    sizes = [float(a) for a in sys.argv[1:]] or [0.05, 0.1, 0.2, 0.4]
    g = Glossary()
    g.annotate(UNIT * 10)  # the index and the matcher, warm
    print("| MB | spans | CPU s | s per MB |\n| --- | --- | --- | --- |")
    for mb in sizes:
        text = UNIT * max(1, int(mb * 1e6 / len(UNIT.encode())))
        started = time.process_time()
        spans = g.annotate(text)
        seconds = time.process_time() - started
        print(f"| {mb} | {len(spans)} | {seconds:.2f} | {seconds / mb:.2f} |", flush=True)


if __name__ == "__main__":
    main()
