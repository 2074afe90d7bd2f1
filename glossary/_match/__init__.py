"""Finding names in text: one Aho-Corasick pass over a folded copy, offsets into the original.

The modules, each small enough to read in one sitting:

- :mod:`~glossary._match.fold`: the text folded as keys are (one vocabulary, in
  :mod:`glossary._vocab`), and the way back from folded offsets to the original's;
- :mod:`~glossary._match.facts`: what each key of the index stands for, worked out once;
- :mod:`~glossary._match.rules`: the matching rules, each written once (its docstring lists
  them: word boundary, capital letter, everyday word, marks, paragraphs, generic word, as
  written, full stop, longer name, kind);
- :mod:`~glossary._match.scan`: :class:`Matcher`, the scan and leftmost-longest;
- :mod:`~glossary._match.typos`: near misses (Shidng District, Liu Shyh-fnag);
- :mod:`~glossary._match.context`: homonyms decided by the other names in the text;
- :mod:`~glossary._match.exact`: :class:`ExactMatcher`, the terms as written only.

The matchers take an :class:`~glossary._index.Index`, never the ``Glossary`` facade: imports
run one way, from the facade down to the index.
"""

from glossary._match.exact import ExactMatcher
from glossary._match.fold import Folded, fold
from glossary._match.scan import Matcher

__all__ = ["ExactMatcher", "Folded", "Matcher", "fold"]
