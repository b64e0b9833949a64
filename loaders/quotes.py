"""Quotations and who said them: « ... », "..." and “...” with the speaker named after the
quote ("», assure X", "\", said Professor X", "», estime-t-il") or before it ("X explique : « ... »",
"Selon X, « ... »", "X y voit « ... »"). Read per paragraph: a quote may hold several sentences.
"""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.mentions import Mention
from innograph.loaders.text import Sentence


class QuotationsMixin:
    """Quotation patterns of :class:`~innograph.loaders.relations.Extractor`."""

    def quotations(self) -> None:
        text = self.text
        for q in re.finditer(r"«\s*(?P<a>[^»]{12,}?)\s*»|“(?P<b>[^”]{12,}?)”|\"(?P<c>[^\"\n]{12,}?)\"", text):
            quote = q["a"] or q["b"] or q["c"]
            speaker = self._speaker_after(q.end()) or self._speaker_before(q.start())
            if speaker is None:
                continue
            start = text.rfind("\n\n", 0, q.start()) + 1
            end = _sentence_end(text, q.end())
            sent = Sentence(max(start, 0), end, text[max(start, 0):end])
            self.add("quoted", speaker.entity, None, sent, text=quote.strip().rstrip(",").strip())

    def _speaker_after(self, pos: int) -> Mention | None:
        f = self.folded
        honorific = lx.HONORIFIC_WORDS
        m = re.match(rf"[ \t]*[,.]?[ \t]*(?:a[ \t]+|ont[ \t]+|has[ \t]+)?(?:se[ \t]+)?(?P<verb>[\w]+)(?P<inverted>-t-(?:il|elle)|-(?:il|elle))?[ \t]*(?:pour[ \t]+sa[ \t]+part[ \t]+|encore[ \t]+|ainsi[ \t]+|alors[ \t]+|aussi[ \t]+)?(?:(?:{honorific})\.?[ \t]+)?", f[pos:pos + 80])
        if m and (m["verb"] in lx.QUOTE_VERBS or m["inverted"]):
            if m["inverted"] or re.match(r"[ \t]*[,.]?[ \t]*(?:he|she)[ \t]+(?:said|says|added|explained)", f[pos:pos + 30]):
                return self._last_person(pos)
            person = self.ents.starting_at(pos + m.end(), "person")
            if person is None:  # "», explique le directeur général de X, Erwan Le Bihan"
                end = min(_sentence_end(self.text, pos), pos + 140)
                person = next(iter(self.ents.within(pos + m.end(), end, "person")), None)
            return person
        if re.match(r"[ \t]*[,.]?[ \t]*(?:he|she)[ \t]+(?:said|says|added|adds|explained|explains|told|noted)", f[pos:pos + 30]):
            return self._last_person(pos)
        m = re.match(r"[ \t]*,?[ \t]*", f[pos:pos + 5])
        person = self.ents.starting_at(pos + (m.end() if m else 0), "person")
        if person:
            verb = re.match(r"[ \t]+(?P<verb>[\w\-]+)", f[person.end:person.end + 30])
            if verb and verb["verb"] in lx.QUOTE_VERBS:
                return person
        return None

    def _last_person(self, pos: int) -> Mention | None:
        persons = [m for m in self.ents.mentions if m.end <= pos and m.entity.kind == "person"]
        return persons[-1] if persons else None

    def _speaker_before(self, pos: int) -> Mention | None:
        """'X explique : « ... »', 'Selon X, « ... »', 'X y voit « ... »', 'X described it as "..."'."""
        line_start = max(self.text.rfind("\n", 0, pos), self.text.rfind(". ", 0, pos) + 1, 0)
        lead = self.folded[line_start:pos]
        persons = self.ents.within(line_start, pos, "person")
        if not persons:
            if re.match(r"[ \t]*(?:il|elle|he|she)[ \t]", lead) and re.search(r":[ \t]*$", lead):
                return self._last_person(line_start)  # "Elle en a profité pour rappeler : « ... »"
            return None
        selon = re.match(r"[ \t]*(?:selon|according to|pour)[ \t]+", lead)
        if selon and self.ents.starting_at(line_start + selon.end(), "person"):
            return self.ents.starting_at(line_start + selon.end(), "person")
        words = re.findall(r"[\w\-]+", lead)
        if re.search(r":[ \t]*$", lead) or any(w in lx.QUOTE_VERBS for w in words):
            return persons[0] if len({p.entity.label for p in persons}) == 1 or re.search(r":[ \t]*$", lead) else None
        return None



def _sentence_end(text: str, pos: int) -> int:
    m = re.search(r"[.!?](?:\s|$)", text[pos:])
    return pos + (m.end() if m else len(text) - pos)


