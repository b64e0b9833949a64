"""Players and their sides read by word order in French match reports and careers, where the
side is named in the same stretch as the player and no title links them:

* goals and leads given to a side: "A a donné l'avantage au club Y", "A a ouvert le score pour Y",
  "A et B ont marqué pour Y", "A a inscrit 12 buts en 30 matches pour Y";
* a career: "A a débuté au club Y", "A a été transféré à Y", "après deux saisons au Y",
  "A a passé trois ans à Y", "A a joué en championnat avec Y", "A a quitté Y pour Z";
* a national side: "A compte 35 sélections avec le <pays>", "A a choisi de représenter le <pays>",
  "l'attaquant sénégalais A" (the demonym's country, when the article names it);
* a group of a side's players and the names it lists: "le duo de Y, A et B";
* an arrival, a signing, a title won with a side, a call-up: "A est arrivé au club Y", "A s'est engagé
  avec Y", "A a été sacré champion avec Y", "A a été convoqué par le <pays>".

Mixed into :class:`innograph.loaders.relations.Extractor`; a country is a side only in an article
about sport (:func:`innograph.loaders.sportwords.sports_text`).
"""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import country_key
from innograph.loaders.sportwords import sports_text

_ART = r"(?:(?:le|la|les|l')[ \t]*)?"
_TO = rf"(?:au|aux|a|chez|avec|pour|vers)(?![\w])[ \t]*{_ART}(?:equipe[ \t]+nationale[ \t]+(?:de[ \t]+|d'|du[ \t]+|des[ \t]+)?{_ART})?"  # (not "au club de <town>")
#: "A a donné l'avantage au club Y" (to the side), "A a ouvert le score pour Y" (for it).
_LEAD_TO = re.compile(r"(?<![\w])(?:a|ont|avait|avaient)?[ \t]*(?:donne|redonne)[ \t]+l'avantage[ \t]+" + _TO)
_SCORED = re.compile(r"(?<![\w])(?:a|ont|avait|avaient)[ \t]+(?:ouvert[ \t]+le[ \t]+score|egalise|double[ \t]+la[ \t]+mise|reduit[ \t]+l'ecart|inscrit|marque|signe)(?P<rest>[^.;:!?]{0,50}?)[ \t]pour[ \t]+" + _ART)
#: A career: the subject played at Y ("a débuté au club Y", "transféré à Y", "après deux saisons au Y",
#: "a fait un passage à Y", "a joué pour Y et Z", "ses premiers pas en sélection avec le <pays>", and
#: "jouait à Y", "évolue en première division à Y", where Y is a club, never a town or a country).
_PLAYED_AT = re.compile(
    r"(?<![\w])(?:(?P<start>a[ \t]+debute|debute|a[ \t]+fait[ \t]+ses[ \t]+(?:debuts|premiers[ \t]+pas)|a[ \t]+(?:commence|entame|termine|acheve|fini)[ \t]+sa[ \t]+carriere)(?:[ \t]+(?:sa[ \t]+carriere|professionnel(?:le)?))?"
    r"|(?P<moved>(?:a[ \t]+ete[ \t]+|est[ \t]+|sera[ \t]+|etait[ \t]+)?transferee?)"
    r"|(?P<after>(?:apres|a[ \t]+passe|avait[ \t]+passe|passe|a[ \t]+fait|fait)[ \t]+(?:[\w\-]+[ \t]+){1,2}(?:saisons?|ans|annees|passage)(?:[ \t]+(?:de[ \t]+plus|en[ \t]+tout))?)"
    r"|(?P<played>(?:a[ \t]+(?:deja[ \t]+)?joue|jouait|a[ \t]+(?:deja[ \t]+)?evolue|evoluait)(?:[ \t]+[^.,;:!?]{0,40}?)?(?=[ \t]+(?:avec|pour)[ \t]))"
    r"|(?P<at>(?:a[ \t]+(?:deja[ \t]+)?joue|jouait|a[ \t]+(?:deja[ \t]+)?evolue|evoluait|(?P<now>evolue))(?:[ \t]+[^.,;:!?]{0,40}?)?(?=[ \t]+(?:a|au)[ \t])))[ \t]+" + _TO)
#: "le club italien Y", "l'équipe espagnole de Y" (on the text: lower-case words before the name).
_CLUB_WORDS = re.compile(r"(?:club|équipe)[ \t]+(?:[a-zà-ÿ]+[ \t]+){0,2}(?:de[ \t]+|d['’])?")
#: "a quitté Y pour Z": the side joined.
_LEFT_FOR = re.compile(r"[ \t]+pour[ \t]+(?:rejoindre[ \t]+)?" + _ART)
#: A national side: "35 sélections avec le <pays>", "A, qui a obtenu 35 sélections avec le <pays>" (the
#: verb in the cue: the person right before it, then), "représenter le <pays>", "a disputé (manqué)
#: trois des cinq matchs du <pays>" (a side's games: a country only, never a club's town).
_CAPPED = re.compile(r"(?<![\w])(?:(?:(?:a|avait)[ \t]+(?:remporte|obtenu|honore|dispute|gagne)|compte|comptait|totalise|totalisait)[ \t]+)?"
                     r"(?:[\w\-]+[ \t]+selections?[ \t]+(?:avec|pour|sous[ \t]+le[ \t]+maillot[ \t]+d[eu])|representer|represente|a[ \t]+represente|representait"
                     r"|(?:cape|capee|selectionne|selectionnee)[ \t]+(?:[\w\-]+[ \t]+){0,4}?par"
                     r"|(?:a|avait|ont|avaient)[ \t]+(?:deja[ \t]+)?(?:dispute|joue|manque|rate)[ \t]+(?:[\w\-]+[ \t]+){0,4}?(?:matchs|matches|rencontres)[ \t]+(?:du|de|pour|avec))[ \t]+" + _ART)
#: A player named with his country's demonym: "l'attaquant sénégalais A", "l'international ivoirien A"
#: (fewer titles than teams.PLAYER_TITLES on purpose: with all of them, "capitaine" among them, the
#: training parts gave 2 right of 4 more).
_PLAYER_DEMONYM = re.compile(r"(?<![\w])(?:l'|le[ \t]+|la[ \t]+|un[ \t]+|une[ \t]+)(?:(?:ancien|ancienne|jeune)[ \t]+)?"
                             r"(?:internationale?|attaquante?|milieu|defenseur|defenseuse|gardienne?|ailiere?|buteuse|buteur|joueuse|joueur)"
                             r"(?:[ \t]+de[ \t]+(?:terrain|but)|[ \t]+central|[ \t]+offensif|[ \t]+international)?[ \t]+(?P<demonym>[a-z\-]+)[ \t]*,?[ \t]*")
_ALLOWED_TO = re.compile(r"(?<![\w])(?:autoris\w*|permet\w*|pourr\w*|peut|peuvent|droit)[ \t]+(?:[\w\-']+[ \t]+){0,2}(?:a|de|d')[ \t]*$")
#: Between two players of a list: a comma or 'et' ("A, B et C ont marqué").
_PLAYER_LINK = re.compile(r"[ \t]*(?:,[ \t]*et|,|et)[ \t]+")
_PRONOUN = re.compile(r"[ \t]*(?P<word>il|elle)[ \t]+")
#: The pronoun subject right before a cue, after an opening phrase ("Après une saison en X, il est
#: transféré à Y", "lorsqu'il a rejoint Y").
_PRONOUN_BEFORE = re.compile(r"(?:[,;][ \t]*|(?<![\w])(?:qu'|lorsqu'|puisqu'|quand[ \t]+|et[ \t]+|mais[ \t]+|ou[ \t]+|puis[ \t]+))(?P<word>il|elle)[ \t]+$")
#: A group of a side's players, then its side: "le duo de Y", "deux des cadres de Y", "les attaquants du Y".
_GROUP_OF = re.compile(r"(?<![\w])(?:duo|trio|cadres|stars|vedettes|joueurs|joueuses|attaquants|attaquantes|defenseurs|"
                       r"milieux(?:[ \t]+de[ \t]+terrain)?|gardiens|internationaux|titulaires|recrues|buteurs|ailiers)"
                       r"(?:[ \t]+[a-z\-]+)?[ \t]+(?:de[ \t]+la|du|des|de|d')(?![\w])")
#: What stands between the side and the names it lists: "Y, A et B", "Y - dont A, B et C -", "Y : A".
_LISTED = re.compile(r"[ \t]*(?:[,:(\-–—][ \t]*)?(?:(?:dont|notamment|a[ \t]+savoir|comme)[ \t]+)?")
#: A scorer's minute in a report, passed over in a list of scorers: "A (12e), B (45e+2) et C (90')".
_MINUTE = re.compile(r"[ \t]*\([ \t]*\d{1,3}(?:e|eme|er|')?(?:[ \t]*\+[ \t]*\d{1,2}(?:e|eme|')?)?(?:[ \t]*(?:minutes?|min|mn|sp|pen|penalty|csc))?[ \t]*\)")
#: A player's arrival, signing or title with a side (the side right after the cue): "A est arrivé au club Y",
#: "A, arrivé au Y en 2019", "A s'est engagé (pour trois ans) avec Y", "A a posé ses valises à Y", "A,
#: recruté l'été dernier par Y", "A, actuellement au Y" (a club); "A a été sacré champion avec Y", "A a
#: remporté la coupe avec Y" (a club or a country).
_JOINED = re.compile(
    r"(?<![\w])(?:(?P<club>(?:arrivee?s?|debarquee?s?|actuellement|engagee?s?(?:[ \t]+(?:pour[ \t]+)?[\w\-]+[ \t]+(?:ans|saisons|annees))?"
    r"|pose[ \t]+ses[ \t]+valises)[ \t]+(?:au|aux|a|chez|avec)(?![\w])"
    r"|recrutee?s?[ \t]+(?:[\w\-']+[ \t]+){0,3}?par)"
    r"|(?P<title>(?:sacree?s?|couronnee?s?)(?:[ \t]+champion\w*)?|(?:a|avait|ont|avaient)[ \t]+(?:remporte|gagne)[ \t]+(?:[\w\-']+[ \t]+){1,5}?)"
    r"[ \t]*avec)[ \t]*" + _ART)
#: A call-up to a national side: "A a été convoqué (appelé, rappelé) par le <pays>", "sélectionné en équipe du <pays>".
_CALLED_UP = re.compile(r"(?<![\w])(?:selectionnee?s?|appelee?s?|convoquee?s?|rappelee?s?)[ \t]+"
                        r"(?:par|avec|en[ \t]+(?:equipe|selection)(?:[ \t]+nationale)?[ \t]+(?:du|de))[ \t]+" + _ART)


def _league_named(entity) -> bool:
    """A league the tagger took for a person ("la Premier League") plays for no side."""
    return bool(lx.LEAGUE_WORDS.intersection(fold_same_length(entity.label).split()))


class SportLinesMixin:
    def sport_lines(self, sent) -> None:
        if self.ents.lang != "fr":
            return
        f = self.folded
        for cue in [*_LEAD_TO.finditer(f, sent.start, sent.end), *_SCORED.finditer(f, sent.start, sent.end)]:
            side = self._side_at(cue.end())
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
                    self.add("holds_post", player, side, sent, title=None, current=bool(cue["moved"] or cue["now"]))
        for cue in _CAPPED.finditer(f, sent.start, sent.end):
            if _ALLOWED_TO.search(f, max(sent.start, cue.start() - 30), cue.start()):
                continue  # "autorisé à représenter le <pays>": allowed to, not yet capped
            side = self._side_at(cue.end())
            player = self._player_subject(cue.start(), sent)
            if side is not None and player is not None and country_key(side.label) in lx.COUNTRIES:
                self.add("holds_post", player, side, sent, title=None, current=True)
        self._left_for(sent)
        self._player_demonyms(sent)
        self._group_of(sent)
        if self._sports():
            self._joined(sent)

    def _left_for(self, sent) -> None:
        """'A a quitté Y pour Z': A joined Z (the club left is read from the parse)."""
        for cue in re.finditer(r"(?<![\w])(?:a|ont|avait)[ \t]+quitte[ \t]+(?P<left>[^.;:!?]{2,60}?)(?=[ \t]+pour[ \t])", self.folded[sent.start:sent.end]):
            left = [m for m in self.mentions(sent, "organization", "place")
                    if sent.start + cue.start("left") <= m.start < sent.start + cue.end("left")]
            if not (left or re.search(r"(?<![\w])(?:club|equipe)(?![\w])", cue["left"])):
                continue  # "a quitté son poste pour ...": no side left
            then = _LEFT_FOR.match(self.folded, sent.start + cue.end(), sent.end)
            side = self._side_at(then.end(), countries=False) if then else None
            player = self._player_subject(sent.start + cue.start(), sent)
            if side is not None and player is not None and all(self._club(m.entity) for m in left if m.entity.kind == "organization"):
                self.add("holds_post", player, side, sent, title=None, current=True)

    def _player_demonyms(self, sent) -> None:
        """'l'attaquant sénégalais A', 'l'international ivoirien A': A plays for the country the
        demonym names, when the article names it (a coach's demonym is his nationality: see
        :meth:`.MovesMixin.coach_demonym` for a national side's)."""
        for cue in _PLAYER_DEMONYM.finditer(self.folded, sent.start, sent.end):
            keys = COUNTRY_OF.get(cue["demonym"])
            country = self.ents.country_named(keys) if keys and self._sports() else None
            player = self.ents.starting_at(cue.end(), "person")
            if country is not None and player is not None and player.start == cue.end():
                self.add("holds_post", player.entity, country, sent, title=None, current=True)

    def _group_of(self, sent) -> None:
        """'le duo de Y, A et B', 'les sept attaquants de Y - dont A, B et C -': the players a group
        of a side's players lists right after the side's name."""
        for cue in _GROUP_OF.finditer(self.folded, sent.start, sent.end):
            m = self.ents.starting_at(cue.end(), "organization", "place")
            side = self._side(m)
            if side is None:
                continue
            listed = _LISTED.match(self.folded, m.end, sent.end)
            for player in self._coordinated(listed.end(), sent, "person", skip_asides=True):
                if not _league_named(player.entity):
                    self.add("holds_post", player.entity, side, sent, title=None, current=True)

    def _joined(self, sent) -> None:
        """'A est arrivé au club Y', 'A s'est engagé avec Y', 'A, recruté par Y', 'A a été sacré champion
        avec Y', 'A a été convoqué par le <pays>': the player (the subject before the cue) and his side."""
        for cue in [*_JOINED.finditer(self.folded, sent.start, sent.end), *_CALLED_UP.finditer(self.folded, sent.start, sent.end)]:
            words = _CLUB_WORDS.match(self.text, cue.end(), sent.end)
            m = self.ents.starting_at(words.end() if words else cue.end(), "organization", "place")
            country = m is not None and country_key(m.entity.label) in lx.COUNTRIES
            if cue.re is _CALLED_UP and not country:
                continue  # (a call-up is a national side's; "convoqué par le juge" is none)
            side = self._side(m, countries=cue.re is _CALLED_UP or bool(cue["title"]))
            player = self._player_subject(cue.start(), sent) if side is not None else None
            if player is not None:
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

    def _side_at(self, pos, countries=True):
        return self._side(self.ents.starting_at(pos, "organization", "place"), countries)

    def _players_before(self, pos, sent) -> list:
        """'A et B ont marqué', 'A (12e) et B (57e) ont marqué': the persons listed right before a cue."""
        out, end = [], pos
        for m in reversed(self.mentions(sent, "person")):
            if m.end > end:
                continue
            gap = self.folded[m.end:end]
            minute = _MINUTE.match(gap)  # ("A (12e) et B (57e) ont marqué")
            gap = gap[minute.end():] if minute else gap
            if not (re.fullmatch(r"[ \t]*", gap) if not out else _PLAYER_LINK.fullmatch(gap)):
                break
            out.append(m)
            end = m.start
        return out

    def _player_subject(self, pos, sent):
        """Who played: the person subject before the cue, or the person an 'il' / 'elle' opening the
        sentence or right before the cue stands for (the syntax reader's one rule, :meth:`.SyntaxReader.antecedent`)."""
        person = self._person_subject(sent, pos)
        if person is not None:
            return None if _league_named(person.entity) else person.entity
        pronoun = _PRONOUN.match(self.folded, sent.start, pos)
        if pronoun is None or pronoun.end() < pos - 40:
            pronoun = _PRONOUN_BEFORE.search(self.folded, sent.start, pos)
        if pronoun is None or pronoun.end() < pos - 40:
            return None
        reader = self.syntax_reader()
        offset, token = reader.token_at(pronoun.start("word"))
        if token is None:
            return None
        reader.offset = offset
        return reader.antecedent(token, "person")

    def mentions_between(self, start, end, sent) -> bool:
        return any(start <= m.start < end for m in self.mentions(sent, "person", "organization"))
