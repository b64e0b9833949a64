"""Players and their sides read by word order in French match reports and careers, where the
side is named in the same stretch as the player and no title links them:

* a side losing players: "Y perdra A, B et le milieu de terrain C", "Y devrait perdre A";
* goals and leads given to a side: "A a donné l'avantage au club Y", "A a ouvert le score pour Y",
  "A et B ont marqué pour Y", "A a inscrit 12 buts en 30 matches pour Y";
* a career: "A a débuté au club Y", "A a été transféré à Y", "après deux saisons au Y",
  "A a passé trois ans à Y", "A a joué en championnat avec Y", "A a quitté Y pour Z", "Y a payé
  ... pour acheter A à Z";
* a national side: "A compte 35 sélections avec le <pays>", "A a choisi de représenter le <pays>".

Mixed into :class:`innograph.loaders.relations.Extractor`; a country is a side only in an article
about sport (:func:`innograph.loaders.sportwords.sports_text`).
"""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.mentions import country_key
from innograph.loaders.sportwords import sports_text

_ART = r"(?:(?:le|la|les|l')[ \t]*)?"
_TO = rf"(?:au|aux|a|chez|avec|pour|vers)(?![\w])[ \t]*{_ART}(?:equipe[ \t]+nationale[ \t]+(?:de[ \t]+|d'|du[ \t]+|des[ \t]+)?{_ART})?"  # (not "au club de <town>")
#: "Y perdra", "Y, qui devrait perdre", "Y sera privé de": what follows are Y's players.
_LOSING = re.compile(r"(?<![\w])(?:perdra|perdront|perd|perdent|a[ \t]+perdu|ont[ \t]+perdu|(?:devrait|devraient|va|vont|pourrait|pourraient|risque[ \t]+de|risquent[ \t]+de)[ \t]+perdre|(?:sera|seront)[ \t]+prive(?:e|s|es)?[ \t]+de|(?:devra|devront)[ \t]+se[ \t]+passer[ \t]+de)[ \t]+")
_SIDE_GAP = re.compile(r"[ \t]*(?:,[ \t]*qui[ \t]*|qui[ \t]*)?$")
#: "A a donné l'avantage au club Y" (to the side), "A a ouvert le score pour Y" (for it).
_LEAD_TO = re.compile(r"(?<![\w])(?:a|ont|avait|avaient)?[ \t]*(?:donne|redonne)[ \t]+l'avantage[ \t]+" + _TO)
_SCORED = re.compile(r"(?<![\w])(?:a|ont|avait|avaient)[ \t]+(?:ouvert[ \t]+le[ \t]+score|egalise|double[ \t]+la[ \t]+mise|reduit[ \t]+l'ecart|inscrit|marque|signe)(?P<rest>[^.;:!?]{0,50}?)[ \t]pour[ \t]+" + _ART)
#: A career: the subject played at Y ("a débuté au club Y", "transféré à Y", "après deux saisons au Y",
#: "a fait un passage à Y", "a joué pour Y et Z", "ses premiers pas en sélection avec le <pays>").
_PLAYED_AT = re.compile(
    r"(?<![\w])(?:(?P<start>a[ \t]+debute|debute|a[ \t]+fait[ \t]+ses[ \t]+(?:debuts|premiers[ \t]+pas)|a[ \t]+(?:commence|entame|termine|acheve|fini)[ \t]+sa[ \t]+carriere)(?:[ \t]+(?:sa[ \t]+carriere|professionnel(?:le)?))?"
    r"|(?P<moved>(?:a[ \t]+ete[ \t]+|est[ \t]+|sera[ \t]+|etait[ \t]+)?transferee?)"
    r"|(?P<after>(?:apres|a[ \t]+passe|avait[ \t]+passe|passe|a[ \t]+fait|fait)[ \t]+(?:[\w\-]+[ \t]+){1,2}(?:saisons?|ans|annees|passage)(?:[ \t]+(?:de[ \t]+plus|en[ \t]+tout))?)"
    r"|(?P<played>(?:a[ \t]+(?:deja[ \t]+)?joue|jouait|a[ \t]+(?:deja[ \t]+)?evolue|evoluait)(?:[ \t]+[^.,;:!?]{0,40}?)?(?=[ \t]+(?:avec|pour)[ \t])))[ \t]+" + _TO)
#: "le club italien Y", "l'équipe espagnole de Y" (on the text: lower-case words before the name).
_CLUB_WORDS = re.compile(r"(?:club|équipe)[ \t]+(?:[a-zà-ÿ]+[ \t]+){0,2}(?:de[ \t]+|d['’])?")
#: "a quitté Y pour Z": the side joined.
_LEFT_FOR = re.compile(r"[ \t]+pour[ \t]+(?:rejoindre[ \t]+)?" + _ART)
#: "acheter A à Y" / "a recruté A au Y": the side sold him.
_BOUGHT = re.compile(r"(?<![\w])(?:acheter|a[ \t]+achete|ont[ \t]+achete|recruter|a[ \t]+recrute|arracher|a[ \t]+arrache)[ \t]+")
_BOUGHT_FROM = re.compile(r"[ \t]*(?:au|aux|a[ \t]+l'|a)[ \t]+" + _ART)
#: A national side: "35 sélections avec le <pays>", "représenter le <pays>".
_CAPPED = re.compile(r"(?<![\w])(?:[\w\-]+[ \t]+selections?[ \t]+(?:avec|pour|sous[ \t]+le[ \t]+maillot[ \t]+d[eu])|representer|represente|a[ \t]+represente|representait"
                     r"|(?:cape|capee|selectionne|selectionnee)[ \t]+(?:[\w\-]+[ \t]+){0,4}?par)[ \t]+" + _ART)
_ALLOWED_TO = re.compile(r"(?<![\w])(?:autoris\w*|permet\w*|pourr\w*|peut|peuvent|droit)[ \t]+(?:[\w\-']+[ \t]+){0,2}(?:a|de|d')[ \t]*$")
#: "Y boucle le recrutement du défenseur A": the side signs its player.
_SIGNED = re.compile(r"(?<![\w])(?:finalise|officialise|annonce|conclu|boucle)[ \t]+(?:la[ \t]+signature|le[ \t]+recrutement|l'arrivee|le[ \t]+transfert)[ \t]+(?:de[ \t]+|du[ \t]+|d')")
#: "A (SEN/Y)", "A (POR/Y puis Z)": a results list gives a player's country code and club.
_CODE_CLUB = re.compile(r"[ \t]*\([A-Z]{3}/")
#: Between two players of a list: a comma or 'et', then the next one's article and lower-case
#: words (a position, a nationality: "et le milieu de terrain C").
_PLAYER_LINK = re.compile(r"[ \t]*(?:,[ \t]*et|,|et)[ \t]+")
_PLAYER_OPENING = re.compile(r"(?:(?:le|la|l['’]|les|son|sa|ses|leur|leurs|un|une)[ \t]*)?(?:[a-zà-ÿœ\-'’]+[ \t]+){0,5}")  # (on the text: lower case)
_PRONOUN = re.compile(r"[ \t]*(?:il|elle)[ \t]+")
#: Words that end a title before a player's name ("face à l'équipe de X" is no title).
_NOT_TITLE = frozenset("a au aux face contre par pour sur en dans avec sans chez vers apres avant lors selon que qui".split())


def _title_words(words: str) -> bool:
    """Lower-case words that may stand before a player's name: an article, a position, a
    nationality ('le milieu de terrain', 'son gardien de but'), no preposition but a position's."""
    if words != words.lower():
        return False
    folded = fold_same_length(words).replace("'", "' ").split()
    return not _NOT_TITLE.intersection(folded) and all(
        w != "de" or (i + 1 < len(folded) and folded[i + 1] in ("terrain", "but", "buts")) for i, w in enumerate(folded))


class SportLinesMixin:
    def sport_lines(self, sent) -> None:
        if self.ents.lang != "fr":
            return
        f = self.folded
        for cue in _LOSING.finditer(f, sent.start, sent.end):
            side = self._side_before(cue.start(), sent)
            if side is not None:
                for player in self._players_from(cue.end(), sent):
                    self.add("holds_post", player.entity, side, sent, title=None, current=True)
        for cue in [*_LEAD_TO.finditer(f, sent.start, sent.end), *_SCORED.finditer(f, sent.start, sent.end)]:
            side = self._side_at(cue.end(), sent)
            if side is not None and not (cue.re is _SCORED and self.mentions_between(cue.start(), cue.end(), sent)):
                players = [m.entity for m in self._players_before(cue.start(), sent)]
                for player in players or [self._player_subject(cue.start(), sent)]:
                    self.add("holds_post", player, side, sent, title=None, current=True)
        for cue in _PLAYED_AT.finditer(f, sent.start, sent.end):
            player = self._player_subject(cue.start(), sent)
            words = _CLUB_WORDS.match(self.text, cue.end(), sent.end)
            at = words.end() if words else cue.end()
            sides = self._coordinated(at, sent, "organization", "place") if player is not None else []
            national = bool(cue["start"] or cue["played"])  # ("a fait ses débuts avec / a joué pour le <pays>")
            for side in [self._side(m, countries=national) for m in sides]:
                if side is not None:
                    self.add("holds_post", player, side, sent, title=None, current=bool(cue["moved"]))
        for cue in _BOUGHT.finditer(f, sent.start, sent.end):
            player = self.ents.starting_at(cue.end(), "person")
            after = _BOUGHT_FROM.match(f, player.end, sent.end) if player is not None else None
            seller = self._side_at(after.end(), sent, countries=False) if after else None
            if seller is not None:
                self.add("holds_post", player.entity, seller, sent, title=None, current=False)
                buyer = self.ents.at(sent.subject_pos) if sent.subject_pos is not None and sent.subject_pos < cue.start() else None
                if self._side(buyer, countries=False) is not None:
                    self.add("holds_post", player.entity, buyer.entity, sent, title=None, current=True)
        for cue in _CAPPED.finditer(f, sent.start, sent.end):
            if _ALLOWED_TO.search(f, max(sent.start, cue.start() - 30), cue.start()):
                continue  # "autorisé à représenter le <pays>": allowed to, not yet capped
            side = self._side_at(cue.end(), sent)
            player = self._player_subject(cue.start(), sent)
            if side is not None and player is not None and country_key(side.label) in lx.COUNTRIES:
                self.add("holds_post", player, side, sent, title=None, current=True)
        for cue in _SIGNED.finditer(f, sent.start, sent.end):
            subject = self.ents.at(sent.subject_pos) if sent.subject_pos is not None and sent.subject_pos < cue.start() else None
            side = self._side(subject, countries=False)
            for player in self._players_from(cue.end(), sent) if side is not None else []:
                self.add("holds_post", player.entity, side, sent, title=None, current=True)
        self._left_for(sent)
        self._code_and_club(sent)

    def _code_and_club(self, sent) -> None:
        """'A (SEN/Y)', 'A (POR/Y puis Z)': the club or clubs after a country code."""
        for player in self.mentions(sent, "person"):
            code = _CODE_CLUB.match(self.text, player.end, sent.end)
            if code is None:
                continue
            end = self.text.find(")", code.end(), sent.end)
            clubs = [m for m in self.mentions(sent, "organization") if code.end() <= m.start and (end < 0 or m.end <= end)]
            for club in clubs:
                if self._club(club.entity) and self._sports():
                    self.add("holds_post", player.entity, club.entity, sent, title=None, current=True)

    def _left_for(self, sent) -> None:
        """'A a quitté Y pour Z': A joined Z (the club left is read from the parse)."""
        for cue in re.finditer(r"(?<![\w])(?:a|ont|avait)[ \t]+quitte[ \t]+(?P<left>[^.;:!?]{2,60}?)(?=[ \t]+pour[ \t])", self.folded[sent.start:sent.end]):
            left = [m for m in self.mentions(sent, "organization", "place")
                    if sent.start + cue.start("left") <= m.start < sent.start + cue.end("left")]
            if not (left or re.search(r"(?<![\w])(?:club|equipe)(?![\w])", cue["left"])):
                continue  # "a quitté son poste pour ...": no side left
            then = _LEFT_FOR.match(self.folded, sent.start + cue.end(), sent.end)
            side = self._side_at(then.end(), sent, countries=False) if then else None
            player = self._player_subject(sent.start + cue.start(), sent)
            if side is not None and player is not None and all(self._club(m.entity) for m in left if m.entity.kind == "organization"):
                self.add("holds_post", player, side, sent, title=None, current=True)

    # -- sides and players ----------------------------------------------------------------------
    def _sports(self) -> bool:
        return sports_text(self.folded)

    def _club(self, org) -> bool:
        """An organization that can be a player's side: no league, cup, party or body."""
        words = fold_same_length(org.label).split()
        return not ((lx.LEAGUE_WORDS | lx.NO_SIDE_WORDS).intersection(words) or words[0] in lx.MEMBERSHIP_BODIES)

    def _side(self, m, countries=True):
        if m is None:
            return None
        if m.entity.kind == "organization" and country_key(m.entity.label) not in lx.COUNTRIES:
            return m.entity if self._club(m.entity) and self._sports() else None
        if countries and country_key(m.entity.label) in lx.COUNTRIES and self._sports():
            return m.entity
        return None

    def _side_at(self, pos, sent, countries=True):
        return self._side(self.ents.starting_at(pos, "organization", "place"), countries)

    def _side_before(self, pos, sent):
        """The side named right before a cue ('Y perdra', 'Y, qui devrait perdre'), else the
        sentence's subject when it is a side."""
        before = [m for m in self.mentions(sent, "organization", "place") if m.end <= pos]
        if before and _SIDE_GAP.match(self.folded[before[-1].end:pos]):
            return self._side(before[-1])
        return None

    def _players_from(self, pos, sent) -> list:
        """Players listed from `pos`: 'A, B et le milieu de terrain C' (a title before a name)."""
        out = []
        while True:
            opening = _PLAYER_OPENING.match(self.text, pos, sent.end)
            words = self.text[pos:opening.end()]
            player = self.ents.starting_at(opening.end(), "person") if _title_words(words) else None
            if player is None:
                player = self.ents.starting_at(pos, "person")
            if player is None:
                return out
            out.append(player)
            link = _PLAYER_LINK.match(self.folded, player.end, sent.end)
            if link is None:
                return out
            pos = link.end()

    def _players_before(self, pos, sent) -> list:
        """'A et B ont marqué': the persons listed right before a cue."""
        out, end = [], pos
        for m in reversed(self.mentions(sent, "person")):
            if m.end > end:
                continue
            gap = self.folded[m.end:end]
            if not (re.fullmatch(r"[ \t]*", gap) if not out else _PLAYER_LINK.fullmatch(gap)):
                break
            out.append(m)
            end = m.start
        return out

    def _player_subject(self, pos, sent):
        """Who played: the person subject before the cue, or the person an opening 'il' / 'elle'
        stands for (the previous sentence's subject)."""
        person = self._person_subject(sent, pos)
        if person is not None:
            return person.entity
        if _PRONOUN.match(self.folded, sent.start, pos) and _PRONOUN.match(self.folded, sent.start).end() >= pos - 40:
            earlier = [s for s in self.sentences if s.end <= sent.start]
            if earlier and earlier[-1].subject_pos is not None:
                m = self.ents.at(earlier[-1].subject_pos)
                if m is not None and m.entity.kind == "person":
                    return m.entity
        return None

    def mentions_between(self, start, end, sent) -> bool:
        return any(start <= m.start < end for m in self.mentions(sent, "person", "organization"))
