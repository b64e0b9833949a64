"""Relation patterns about events and places: who organizes an event, where and when it takes
place, who attends it, and where organizations are (places, demonyms, "-based").
"""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import cue_pattern, inside_quote
from innograph.loaders.dates import find_dates
from innograph.loaders.demonyms import nationality
from innograph.loaders.syntaxseats import _AFFILIATION, _PLACE_TAIL, of_a_title, part_of_org
from innograph.loaders.text import Sentence

_ORGANIZER_RE = cue_pattern(lx.ORGANIZER_CUES)
_ATTEND_RE = cue_pattern(lx.ATTEND_CUES)
_TAKES_PART_RE = re.compile(r"(?<![\w])(?:has booked a stand|booked a stand|a reserve un stand|aura un stand|tiendra un stand|a confirme sa venue|a deja confirme sa venue|confirme sa venue|ont confirme leur venue|confirmed its attendance|will exhibit|exhibits|exhibited|will attend|attends|attended|will take part in|took part in|takes part in|will showcase|will present|exposera|exposeront|participera|participeront|a participe|ont participe|sera present|seront presents|prendra part|presentera|presenteront)(?![\w])")
_ORGANIZE_NOUN_RE = re.compile(r"(?<![\w])(?:l'organisation|organisera|organise|organisent|organizes|organized|hosts|will host|will hold|holds|tiendra|tient)(?![\w])(?![ \t]+(?:par|by)\b)")
_FRONTED_ORGANIZER_RE = re.compile(r"[ \t«\"“]*(?:organise|organisee|organises|organisees|organized|organised|hosted|co-organise|co-organisee)[ \t]+(?:par|by)[ \t]+")
_RELATIVE_ORGANIZER_RE = re.compile(r"[ \t]*,?[ \t]*(?:which|that|que|qu')[ \t]*")
_HOSTING_VERB_RE = re.compile(r"(?<![\w])(?:is staging|will stage|stages|staged|will host|hosts|hosted|organises|organizes|will organise|will organize|organisera|organise|organisent|accueillera|accueille|co-organise|co-organisera|will run|runs)(?![\w])")
_JOINTLY_RE = re.compile(r"(?<![\w])(?:conjointement avec|jointly with|en partenariat avec|together with|co-organise avec|co-organisee avec|co-organised with|co-organized with)[ \t]+")
_FRONTED_PLACE_RE = re.compile(r"[ \t]*(?:installee?s?|basee?s?|implantee?s?|situee?s?|domiciliee?s?|based|located|headquartered)[ \t]+(?:a|au|en|dans|in|at)[ \t]+")


#: Words of a French sentence (folded).
_FRENCH = re.compile(r"(?<![\w])(?:est|une|dans|sont|qui|avec|pour|sur|leur|cette|elle|il)(?![\w])")


class EventsAndPlacesMixin:
    """Event and place patterns of :class:`~innograph.loaders.relations.Extractor`."""

    def events(self, sent: Sentence) -> None:
        f = self.folded
        events = self.mentions(sent, "event")
        for cue in _ORGANIZER_RE.finditer(f, sent.start, sent.end):
            before = [m for m in events if m.end <= cue.start()]
            if before:
                for org in self._coordinated(cue.end(), sent, "organization"):
                    self.add("organizes", org.entity, before[-1].entity, sent)
        fronted = _FRONTED_ORGANIZER_RE.match(f, sent.start)
        if fronted and events:  # "Organisé par A et B, le rendez-vous ..."
            for org in self._coordinated(fronted.end(), sent, "organization"):
                self.add("organizes", org.entity, events[0].entity, sent)
        for event in events:  # "X, which the cluster and Y will host", "X, que Z organisera avec W"
            rel = _RELATIVE_ORGANIZER_RE.match(f, event.end)
            if not rel:
                continue
            hosts = self._coordinated(rel.end(), sent, "organization")
            if not hosts:
                continue
            verb = _HOSTING_VERB_RE.search(f, hosts[-1].end, min(sent.end, hosts[-1].end + 40))
            if verb is None:
                continue
            for org in hosts:
                self.add("organizes", org.entity, event.entity, sent)
            with_ = re.match(r"[ \t]+(?:avec|with|alongside)[ \t]+", f[verb.end():sent.end])
            if with_:
                for org in self._coordinated(verb.end() + with_.end(), sent, "organization"):
                    self.add("organizes", org.entity, event.entity, sent)
        for cue in _JOINTLY_RE.finditer(f, sent.start, sent.end):
            event = next((e for e in reversed(events) if e.end <= cue.start()), None)
            if event:
                for org in self._coordinated(cue.end(), sent, "organization"):
                    self.add("organizes", org.entity, event.entity, sent)
        for cue in _ORGANIZE_NOUN_RE.finditer(f, sent.start, sent.end):
            after = [m for m in events if m.start >= cue.end()]
            org = self.subject_of(sent, before=cue.start())
            if after and org:
                self.add("organizes", org.entity, after[0].entity, sent)
        for event in events:
            comma = self.folded.find(",", event.end, sent.end)
            if comma >= 0 and _ORGANIZER_RE.match(self.folded, comma + 2):
                comma = self.folded.find(",", comma + 1, sent.end)
            window_end = min(sent.end, event.end + 120, comma if comma >= 0 else sent.end)
            if not self.mentions(Sentence(event.end, window_end, ""), "place"):
                later = [m for m in self.ents.within(event.end, min(sent.end, event.end + 200), "place")
                         if re.search(r"(?:a|au|en|in|at|de)[ \t]+(?:l'|la[ \t]+|le[ \t]+|the[ \t]+)?$", f[max(0, m.start - 12):m.start])]
                if later:  # "..., que X organisera avec Y à Perros-Guirec", "staging in Nottingham"
                    self.add("event_location", event.entity, later[0].entity, sent, date=self._date(sent))
                    continue
            for m in re.finditer(r"(?<![\w])(?:au sein du|au sein de la|au sein de l'|au sein de|dans|au|en|a|in|at)[ \t]+", f[event.end:window_end]):
                where = self.ents.starting_at(event.end + m.end(), "place", "organization")
                if where and where.entity is not event.entity and not any(
                        r.kind == "organizes" and r.subject is where.entity for r in self.found):
                    self.add("event_location", event.entity, where.entity, sent, date=self._date(sent))
                    town = re.match(r"[ \t]*,?[ \t]*(?:a|in|de|at)[ \t]+", f[where.end:window_end + 40])
                    place = self.ents.starting_at(where.end + town.end(), "place") if town else None
                    if place and place.entity is not where.entity:  # "at the X Hall in Rotherham"
                        self.add("event_location", event.entity, place.entity, sent, date=self._date(sent))
                    break
            # "à Nantes, les 8 et 9 juin 2021, du salon X": a place just before the event
            cue = _ORGANIZE_NOUN_RE.search(f, sent.start, event.start)
            if cue and not any(e.start < event.start for e in events if e.start > cue.end()):
                for m in self.ents.within(cue.end(), event.start, "place"):
                    self.add("event_location", event.entity, m.entity, sent, date=self._date(sent))
                    break
            dates = [d for d in find_dates(sent.text, today=self.today) if d.date]
            if dates and len(events) == 1:
                event.entity.__dict__.setdefault("start", dates[0].value)
                if len(dates) > 1 and dates[1].value > dates[0].value:
                    event.entity.__dict__.setdefault("end", dates[1].value)

    def attendance(self, sent: Sentence) -> None:
        """'Parmi les exposants figurera X', 'Exhibitors will include A, B and C', 'inauguré par X',
        and the subject taking part: 'X will exhibit at Y', 'X participera au salon Y'."""
        for cue in _TAKES_PART_RE.finditer(self.folded, sent.start, sent.end):
            who = self.subject_of(sent, before=cue.start(), kinds=("organization", "person"))
            event = next((m for m in self.mentions(sent, "event") if m.start >= cue.end()), None)
            if event is None and re.search(r"(?<![\w])y[ \t]|stand|venue|the day|attendance", self.folded[max(sent.start, cue.start() - 4):min(sent.end, cue.end() + 30)]):
                # "X y présentera", "X has booked a stand", "X a confirmé sa venue": the event last named
                event = next((m for m in reversed(self.ents.mentions) if m.end <= sent.start and m.entity.kind == "event"), None)
            if who and event and not inside_quote(self.text[sent.start:cue.start()]):
                self.add("attends", who.entity, event.entity, sent)
        for cue in _ATTEND_RE.finditer(self.folded, sent.start, sent.end):
            if inside_quote(self.text[sent.start:cue.start()]):
                continue  # a speaker's words, not the fact's statement
            events = self.mentions(sent, "event")
            event = events[0] if events else next(
                (m for m in reversed(self.ents.mentions) if m.end <= sent.start and m.entity.kind == "event"), None)
            if event is None:
                return
            first = next((m for m in self.mentions(sent, "organization", "person")
                          if cue.end() <= m.start <= cue.end() + 50 and m.entity is not event.entity), None)
            if first is None:
                continue
            for m in self._coordinated(first.start, sent, "organization", "person"):
                if m.entity is not event.entity:
                    self.add("attends", m.entity, event.entity, sent)
            return

    def locations(self, sent: Sentence) -> None:
        f = self.folded
        for m in re.finditer(r"(?P<place>[A-ZÀ-Ý][\w\-]*?)-based\s+", self.text[sent.start:sent.end]):
            org = self.ents.starting_at(sent.start + m.end(), "organization")
            if org:
                self.add("located_in", org.entity, self.ents.entity("place", m["place"]), sent)
        for org in self.mentions(sent, "organization"):
            tail = f[org.end:min(sent.end, org.end + 60)]
            # "Domocare, une PME de Saint-Junien" / "chez Montres Valdahon, à Morteau" / "the Dundonian start-up"
            # ("X, un groupe de réflexion de Washington": the descriptor's field, then the place)
            m = re.match(r"[ \t]*,[ \t]*(?:(?:une?|an?|the)[ \t]+[\w\-]+(?:[ \t]+[\w\-]+)?(?:[ \t]+d(?:e[ \t]+|')[a-z\-]{3,})?"
                         r"[ \t]+(?:de|d'|du|from|in|based[ \t]+in)|a|in)[ \t]+", tail)
            if m and _AFFILIATION.search(self.text[max(0, org.start - 40):org.start]):
                m = None  # "X, de la Y, à P": the person X is at P
            if m:
                place = self.ents.starting_at(org.end + m.end(), "place")
                if place and not self.mentions(sent, "event") and not nationality(place.entity.label):  # (not "X, a Norwegian firm")
                    self.add("located_in", org.entity, place.entity, sent)
                    continue
            direct = re.match(r"[ \t]+(?:in|a)[ \t]+", tail)
            if direct is None and self.text[org.start - 1:org.start] == "(":  # "l'hôpital X (HX) à P"
                direct = re.match(r"[ \t]*\)[ \t]+(?:in|a)[ \t]+", tail)
            if direct and direct.group(0).rstrip().endswith("in") and _FRENCH.search(f, sent.start, sent.end):
                direct = None  # "in" in a French sentence goes on an English name ("Center for X in Y")
            if direct and org.entity.org_kind and not self.mentions(sent, "event") \
                    and not of_a_title(f[max(0, org.start - 40):org.start], org.entity.org_kind) \
                    and not part_of_org(f[max(sent.start, org.start - 60):org.start]):  # ("l'usine de X à P")
                place = self.ents.starting_at(org.end + direct.end(), "place")
                if place and not _PLACE_TAIL.match(self.text[place.end:place.end + 12]):
                    self.add("located_in", org.entity, place.entity, sent)
                    continue
            m = re.match(r"[ \t]*,[ \t]*(?:the|an?)[ \t]+(?P<dem>[a-z\-]+)[ \t]+(?P<desc>[\w\-]+)", tail)
            if m and m["dem"] in lx.DEMONYMS and m["desc"].replace("-", " ") in lx.DESCRIPTORS:
                self.add("located_in", org.entity, self.ents.entity("place", lx.DEMONYMS[m["dem"]]), sent)
        fronted = _FRONTED_PLACE_RE.match(f, sent.start)
        if fronted:  # "Installée à Villeurbanne, la plateforme ..."
            place = self.ents.starting_at(fronted.end(), "place")
            comma = f.find(",", fronted.end(), sent.end)
            thing = self.ents.starting_at(comma + 1, "organization", "project") if place and comma > 0 else None
            if thing:
                self.add("located_in", thing.entity, place.entity, sent)
        for org in self.mentions(sent, "organization"):
            tail = f[org.end:min(sent.end, org.end + 60)]
            m = re.match(r"[ \t]*,[ \t]*(?:une?[ \t]+|la[ \t]+|le[ \t]+|l'|an?[ \t]+)?(?P<desc>(?:jeune[ \t]+)?[\w\-]+)[ \t]+(?P<dem>[a-z\-]+)", tail)
            place = self._demonym_place(m["dem"]) if m else None
            if place and not self._nationality(place) and re.sub(r"[\s\-]+", " ", m["desc"]) in lx.DESCRIPTORS:
                self.add("located_in", org.entity, place, sent)
                continue
            based = re.match(r"[ \t]*,[ \t]*(?:an?[ \t]+|the[ \t]+)?(?P<place>[A-Za-zÀ-ÿ\-]+?)-based\b", self.text[org.end:min(sent.end, org.end + 60)])
            if based:
                self.add("located_in", org.entity, self.ents.entity("place", based["place"]), sent)
                continue
            placed = re.match(r"[ \t]*,[ \t]*(?:an?|une?)[ \t]+", tail)
            if placed:  # "Mechatron Surgical, a Salford robotics firm"
                place = self.ents.starting_at(org.end + placed.end(), "place")
                if place and not nationality(place.entity.label):  # (a nationality the tagger took for a place)
                    rest = re.match(r"(?:[ \t]+[a-z\-]+){1,3}", f[place.end:sent.end])
                    if rest and any(w.rstrip("s").replace("-", " ") in lx.DESCRIPTORS for w in rest.group(0).split()):
                        self.add("located_in", org.entity, place.entity, sent)
                        continue
            # ("X, basée à P" is read by syntaxseats.SeatsMixin.seats, with the parse's readers of seats)
        for m in re.finditer(r"(?=(?<![\w])(?P<desc>(?:jeune[ \t]+)?[\w\-]+)[ \t]+(?P<dem>[a-z\-]+)[ \t]+)", f[sent.start:sent.end]):
            place = self._demonym_place(m["dem"])
            if place and not self._nationality(place) and re.sub(r"[\s\-]+", " ", m["desc"]) in lx.DESCRIPTORS:
                org = self.ents.starting_at(sent.start + m.start() + len(m["desc"]) + 1 + len(m["dem"]) + 1, "organization")
                if org:
                    self.add("located_in", org.entity, place, sent)

    @staticmethod
    def _nationality(place) -> bool:
        """A country's adjective ("la société française X") tells a nationality, not a seat."""
        return re.sub(r"^(?:l|le|la|les|the) ", "", place.key) in lx.COUNTRIES

    def _demonym_place(self, word: str):
        """The place a demonym names: from the lexicon, else a place of the article whose name the
        word starts with ("lannionnaise" and Lannion)."""
        if word in lx.DEMONYMS:
            return self.ents.entity("place", lx.DEMONYMS[word])
        if not re.search(r"(?:ais|aise|ois|oise|ien|ienne|in|ine|on|onne|ain|aine|ian)$", word):
            return None
        for entity in self.ents.entities:
            stem = entity.key.replace(" ", "")
            if entity.kind == "place" and len(stem) >= 4 and word.startswith(stem[: max(4, len(stem) - 1)]):
                return entity
        return None
