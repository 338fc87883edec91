"""Who did what to whom, with what, where: one ``Frame`` per reported event in a sentence.

Triggers linked in the parse ("killed in an airstrike", "launched a deadly attack", "a drone
attack targeted ...") form one group and one frame (``grouping.py``). Arguments come from the
sentence structure, not word order: the active subject or the passive "by" phrase is the agent;
the object, the passive subject or an "at/on/against" phrase is the target; weapons are
recognised wherever they stand ("rockets were fired", "a drone targeted", "fired rockets",
"drone attack"). Which phrases name the event's place is ``frame_places.py``'s part.
"""
from __future__ import annotations

from functools import cached_property

from spacy.tokens import Token

from ..document import ActorRef, Document, Frame, Sentence
from ..records import stable_id
from .casualties import attach_casualties
from .frame_places import PlaceReader
from .lexicon import Lexicon
from .numbers import parse_figure
from .protests import PROTEST_CLASSES
from .syntax import (actor_phrase, agents, colon_speakers, core_phrase, entity_phrase, instruments,
                     is_demonym_like, is_national, kind_of, launched_by, lemma_forms,
                     modifier_chain, modifier_weapons, objects, passive_subjects, prep_objects,
                     present_perfect, shared_objects, subjects, text_span, trailing_speakers, unwrap_crowd,
                     weapon_code, with_conjuncts)
from .grouping import anchor_of, attacked_gatherings, event_class_of, group_triggers
from .requirements import (armed_subject, contents, found_things, has_own_object, is_complete,
                           seizes_weapons)
from .references import (DEFINITE, QUANTIFIERS, few_with_toll, hits_on_one, is_anaphor, is_count,
                         is_definite, refers_back)
from .phrase_kinds import (CHEMICAL, civilian_facility, civilian_owners, crowd_noun, displaced_people,
                           facility_owners, in_protest_cause, is_crowd, is_person, names_chemical_weapon,
                           names_people, territory_kind)
from .triggers import Trigger, charge_reason, find_triggers, irrealis_reason, support_verb

#: prepositions naming, by class, whose property was looted or destroyed ("seized cash from a
#: house", "set fire to a shop") or whose ground was taken ("recaptured the town from IS")
LOOTED_PREPS = {"looting": ("from", "to"), "territory": ("from",), "takeover": ("from",)}
#: prepositions whose weapon is what the act was done with: "with mortars", "in a drone
#: strike", "killed in shelling", "by a roadside bomb"
INSTRUMENT_PREPS = ("with", "in", "by")
TARGET_PREPS = ("at", "on", "against", "toward", "towards", "into", "upon", "targeting", "onto")
PLACE_PREPS = ("in", "near", "outside", "around", "across", "inside", "at", "on", "over", "north",
               "south", "east", "west", "from", "off", "along", "of", "through", "throughout",
               "within", "beyond")
#: classes whose agent is a crowd of people, not only an armed actor
CROWD_CLASSES = ("protest", "crowd", "riot")
#: classes of things found rather than done: "the mass graves hold the bodies of ..." is the
#: discovery itself, not a reference back to an event told before
FOUND_CLASSES = ("grave",)
#: classes whose subject may be civilians: those who flee are the ones the event is about
#: ("thousands of civilians fled the city"; suspects who fled the scene are no displacement)
CIVILIAN_AGENT_CLASSES = ("displacement",)
#: classes whose coordinated subjects are the two sides: "X and Y clashed", "X and Y agreed"
TWO_SIDED_CLASSES = ("clash", "agreement")
#: classes whose target is ground taken
TERRITORY_CLASSES = ("takeover", "territory")
#: classes whose "with" phrase names the other side: "clashed with militants"
OPPONENT_CLASSES = ("clash", "riot")
#: classes placed where "to" sends them: "troops were deployed to Kano"
DESTINATION_CLASSES = ("group_change",)
#: classes of a fight in a sentence, which makes a place taken there no non-violent transfer
FIGHTING_CLASSES = frozenset(("clash", "attack", "harm"))


class FrameBuilder:
    """Builds frames for one parsed sentence."""

    def __init__(self, document: Document, sentence: Sentence, lexicon: Lexicon,
                 told_before: bool = True):
        self.document = document
        self.sentence = sentence
        self.lexicon = lexicon
        self.places = PlaceReader(sentence, lexicon)
        self.triggers: list[Trigger] = []
        #: whether an earlier sentence told an event (more than a bare toll): "the shootings"
        #: then refers back to it
        self.told_before = told_before

    def _first_told(self, anchor: Trigger, group: list[Trigger]) -> bool:
        """"Police are investigating the shootings of four people in a home Thursday night",
        first in its story: the shootings are its news, told for the first time, not a
        reference back to events told before. So when no earlier sentence told an event, no
        other event word of its own sentence tells it ("the attacks that gripped Pretoria when
        shops were looted"), and no quantity ("most of the attacks") picks among many."""
        token = anchor.token
        if self.told_before or (token.dep_ == "pobj" and token.head.head.lower_ in QUANTIFIERS):
            return False
        own = {t.token.i for t in group}
        return all(t.token.i in own for t in self.triggers)

    @cached_property
    def speakers(self) -> set[Token]:
        """The sentence's sources ("..., police said"); read only for a sentence with a frame."""
        return trailing_speakers(self.sentence.span, self.lexicon.cues["speech_verbs"]) | \
            colon_speakers(self.sentence.span)

    def build(self) -> list[Frame]:
        # "the gun used in the shooting": using is an event only with a chemical weapon, and
        # must not join the sentence's other triggers into one group otherwise
        self.triggers = [t for t in find_triggers(self.sentence.span, self.lexicon)
                         if t.sense.requires != "chemical" or has_own_object(t, self.lexicon)]
        frames = []
        for group in group_triggers(self.triggers):
            frame = self._frame(group)
            if frame is not None:
                frames.append(frame)
        attach_casualties(frames, self.sentence, self.lexicon, self.document)
        return frames

    def _frame(self, group: list[Trigger]) -> Frame | None:
        # "a man found shot in the road": finding is a seizure only when weapons are found
        group = [t for t in group if has_own_object(t, self.lexicon)] or group
        hit = attacked_gatherings(group)
        group = [t for t in group if t not in hit] or group
        anchor = anchor_of(group)
        is_title = self.sentence.segment in ("title", "standfirst")
        reason = irrealis_reason(anchor, self.lexicon, is_title)
        counted = any(is_count(t.token) for t in group) and not few_with_toll(group) \
            and not hits_on_one(group, self.lexicon.cues["person_harm_verbs"])
        anaphor = all(t.pos == "noun" for t in group) and is_anaphor(anchor) \
            and anchor.sense.event_class not in FOUND_CLASSES and not self._first_told(anchor, group)
        if reason or counted or anaphor:
            self.document.context.setdefault("dropped", []).append(
                (anchor.token.text, reason or "count or anaphor", self.sentence.index))
            if anaphor and not reason and not counted:
                self._weapons_told_again(group)
            return None
        span = text_span(self.sentence, anchor.token, anchor.token)
        frame = Frame(frame_id=stable_id(self.document.article.id, span.start, prefix="f"),
                      trigger=span, sentence=self.sentence.index, segment=self.sentence.segment,
                      event_class=event_class_of(group))
        frame.add_evidence("trigger", span)
        frame.anaphor = refers_back(anchor)
        frame.charged = charge_reason(anchor.token, self.lexicon) is not None
        frame.definite = any(t.pos == "noun" and is_definite(t.token) for t in group)
        frame.state_weapon = anchor.sense.state_weapon
        self._armed_sense(frame, anchor)
        for trig in group:  # "protested against the attack on Gaza": not the protest's target
            if not (frame.event_class in PROTEST_CLASSES and trig is not anchor
                    and in_protest_cause(self.lexicon, trig.token, anchor.token)):
                self._collect(frame, trig)
        for gathering in hit:
            self._gathering_hit(frame, gathering.token)
        self._defaults(frame, group)
        self._moved_force(frame, anchor)
        if frame.event_class == "territory" and any(seizes_weapons(t.token, self.lexicon) for t in group):
            frame.event_class = "intercept"  # "police seized weapons": Disrupted weapons use
        frame.unopposed = self._unopposed(frame, group)
        frame.in_demonstration = any(t.sense.event_class == "protest" for t in self.triggers)
        return frame if is_complete(frame, group, self.lexicon) else None

    def scene(self, verb: Token, event_class: str) -> Frame:
        """The frame of a sentence telling where and when an event of ``event_class`` told
        before happened ("It happened Sunday outside a bar in Greenville"): the places of its
        verb's prepositions (never a target), its day by the when stage; no trigger evidence
        (``scenes.py``)."""
        span = text_span(self.sentence, verb, verb)
        frame = Frame(frame_id=stable_id(self.document.article.id, span.start, prefix="f"),
                      trigger=span, sentence=self.sentence.index, segment=self.sentence.segment,
                      event_class=event_class, anaphor=True, detail_only=True)
        for prep, obj in prep_objects(verb):  # where, never whom: "at a motel"
            if prep in PLACE_PREPS and kind_of(obj, self.lexicon) in ("place", "facility", "name"):
                self.places.add(frame, obj, prep, distance=1)
            if prep in PLACE_PREPS and any(f in self.lexicon.heads["area"] for f in lemma_forms(obj)):
                self.places.area_places(frame, obj, prep)
        self.places.sentence_places(frame, verb)  # "at a house on Elm Street in Greenville"
        return frame

    def _weapons_told_again(self, group: list[Trigger]) -> None:
        """"Synchronised attacks hit 13 sites ... The attacks were carried out with grenades":
        a reference back is no event of its own, but the weapons it names are those events'
        (``mentions.weapons_of_told_events`` hands them back)."""
        probe = Frame(frame_id="", trigger=None, sentence=self.sentence.index,
                      segment=self.sentence.segment, event_class=event_class_of(group))
        for trig in group:
            self._collect(probe, trig)
        if probe.weapons:
            word = anchor_of(group).token.lemma_.lower()
            told = [e for e in probe.evidence if e.field == "weapon"]
            self.document.context.setdefault("weapons_told_again", []).append(
                (self.sentence.index, word, list(probe.weapons), told))

    def _armed_sense(self, frame: Frame, anchor: Trigger) -> None:
        """A verb that is a crowd's act when a crowd does it is another when armed men do
        (protesters occupy a square, "government troops occupied three hill posts"), and one
        that is police work is an attack when a weapon does it ("warplanes destroyed a depot")."""
        sense = anchor.sense
        if anchor.pos != "verb" or not (sense.armed_class or sense.weapon_class or sense.people_class):
            return
        if sense.people_class and self._done_to_people(anchor.token):
            frame.event_class = sense.people_class
            plain = self.lexicon.verb_triggers.get(anchor.token.lemma_.lower())  # "shoot": firearms
            if plain is not None and plain.weapon and plain.weapon not in frame.weapons:
                frame.weapons.append(plain.weapon)
            return
        kinds = [(kind_of(s, self.lexicon), s) for s in subjects(anchor.token)]
        if sense.armed_class and any(k == "actor" and not crowd_noun(self.lexicon, s) for k, s in kinds):
            frame.event_class = sense.armed_class
        elif sense.weapon_class and any(k == "weapon" and not is_person(self.lexicon, s) for k, s in kinds):
            frame.event_class = sense.weapon_class

    def _done_to_people(self, verb: Token) -> bool:
        """"shot down a 30-year-old man", "a man was shot down": the verb acted on people."""
        return any(names_people(self.lexicon, t) for t in objects(verb) + passive_subjects(verb))

    def _moved_force(self, frame: Frame, anchor: Trigger) -> None:
        """A force deployed, dispatched or formed is the actor of its own move: "Hashd forces
        have been dispatched to Anbar", "special groups of troops have been formed"."""
        if anchor.sense.requires != "armed" or frame.agent is not None or anchor.pos != "verb":
            return
        moved = passive_subjects(anchor.token) if armed_subject(anchor.token, self.lexicon) else []
        if moved:
            self._set_actor(frame, moved[0], "agent")
            if frame.target is not None and frame.agent is not None and \
                    frame.agent.start <= frame.target.start < frame.agent.end:
                frame.target = None  # read first as what the verb acted on

    def _unopposed(self, frame: Frame, group: list[Trigger]) -> bool:
        """A place taken without a fight: the sentence tells of the other side withdrawing
        ("after Kurdish forces pulled out") or of no resistance, and of no fighting."""
        if frame.event_class not in TERRITORY_CLASSES:
            return False
        classes = {t.sense.event_class for t in self.triggers} - {frame.event_class}
        text = self.sentence.text.lower()
        return not classes & FIGHTING_CLASSES and (
            "withdrawal" in classes or any(c in text for c in self.lexicon.cues["unopposed_cues"]))

    # ------------------------------------------------------------------ arguments
    def _collect(self, frame: Frame, trig: Trigger) -> None:
        token = trig.token
        if trig.sense.event_class == "harm" and trig.pos == "verb":
            self._harm_arguments(frame, token)
        elif trig.pos == "verb":
            self._verb_arguments(frame, token)
        else:
            self._noun_arguments(frame, token)
        for prep, obj in prep_objects(token):
            self._prep_argument(frame, prep, obj)
        for thing in objects(token):
            for prep, obj in prep_objects(thing):
                if prep in LOOTED_PREPS.get(frame.event_class, ()):  # "seized cash from a house"
                    self._loser(frame, obj, kind_of(obj, self.lexicon))
                elif prep in TARGET_PREPS and kind_of(thing, self.lexicon) == "weapon":
                    self._prep_argument(frame, prep, obj)  # "fired mortar shells toward troops"
        for tool in instruments(token, self.lexicon.cues["instrument_verbs"]):  # "using a drone"
            self._add_weapon(frame, weapon_code(tool, self.lexicon), tool)
        if trig.sense.requires == "weapon_object":  # "found a depot containing weapons"
            direct = objects(token) + passive_subjects(token)
            for thing in found_things(token):
                if thing not in direct:  # the misread object: read as what was found
                    self._role(frame, thing, "target")
                for inner in contents(thing, self.lexicon):
                    self._role(frame, inner, "target")

    def _gathering_hit(self, frame: Frame, gathering: Token) -> None:
        """"the airstrikes targeted a Taliban rally in Kaldar district": the gathering is the
        target, the side it is named for ("Taliban") the side hit, and where it gathered the place."""
        first, last = core_phrase(gathering)
        frame.target_refs.append(self._actor_ref(first, last))
        frame.add_evidence("target", text_span(self.sentence, first, last))
        for owner in facility_owners(self.lexicon, gathering):
            self._set_actor(frame, owner, "target")
        for prep, obj in prep_objects(gathering):  # "a rally in Kaldar district": the place;
            if prep in PLACE_PREPS and prep not in TARGET_PREPS:  # not "a rally against the war"
                self._prep_argument(frame, prep, obj)

    def _verb_arguments(self, frame: Frame, verb: Token) -> None:
        if present_perfect(verb):
            frame.perfect = True  # "has launched" (not "had been carried out"): undated
        for subj in subjects(verb):
            self._role(frame, subj, "agent")
        for subj in passive_subjects(verb):
            self._role(frame, subj, "target")
        for obj in objects(verb) + passive_subjects(verb):
            if self._victim_kind(verb, obj) == "civilian":
                self._target(frame, obj, "civilian")
        for obj in objects(verb) or shared_objects(verb):  # "attacked and seized the checkpoint"
            self._role(frame, obj, "target")
        for agent in agents(verb):
            self._role(frame, agent, "agent")
        for resisting in self._resisting_verbs(verb):  # "... but were repelled by the Russian military"
            frame.resisted = True
            frame.fired_back = frame.fired_back or self._fired_back(resisting)
            for defender in agents(resisting):
                self._role(frame, defender, "target")

    def _resisting_verbs(self, verb: Token) -> list[Token]:
        """Verbs coordinated with an attack that tell it was fought off: "attacked near
        Verbove, but were repelled by ..." (also when the parser hung them on the subject)."""
        heads = [verb, verb.head] if verb.dep_ == "acl" else [verb]
        return [c for h in heads for c in h.children if (c.dep_ == "conj"
                and c.lemma_.lower() in self.lexicon.cues["resisted"]) or self._fired_back(c)]

    def _fired_back(self, clause: Token) -> bool:
        """"jets bombed the rebels' camps while the rebels responded with anti-aircraft fire",
        "... and the soldiers returned fire": the target fought back with fire."""
        if clause.dep_ not in ("conj", "advcl") or clause.lemma_.lower() not in self.lexicon.cues["fire_back"]:
            return False
        things = objects(clause) + [o for p, o in prep_objects(clause) if p == "with"]
        return any(t.lemma_.lower() == "fire" or weapon_code(t, self.lexicon) for t in things)

    def _noun_arguments(self, frame: Frame, noun: Token) -> None:
        if any(c.lower_ in self.lexicon.casualty_outcomes["deadly_modifiers"] for c in noun.children):
            frame.deadly = True  # "a fatal shooting": someone died
        if noun.head.lemma_.lower() in self.lexicon.cues["resisted"] and noun.dep_ in ("dobj", "nsubjpass"):
            frame.resisted = True  # "the attack was repelled", "repulsed the assault"
        if noun.lemma_.lower() in self.lexicon.casualty_outcomes["killing_nouns"]:
            for victim in (o for p, o in prep_objects(noun) if p == "of"):  # "the murder of a trader"
                kind = kind_of(victim, self.lexicon)
                self._target(frame, victim, "civilian" if kind in ("person", "name", "other") else kind)
        elif frame.event_class == "attack":
            self._attacked_of(frame, noun)
        if noun.lemma_.lower() in self.lexicon.cues["movement_nouns"]:  # "the deployment of troops"
            for mover in (o for p, o in prep_objects(noun) if p == "of"):
                self._role(frame, mover, "agent")
        for code in modifier_weapons(noun, self.lexicon):
            self._add_weapon(frame, code, noun)
        determiner = next((c.lower_ for c in noun.children if c.dep_ in ("det", "predet")), None)
        if noun.tag_ in ("NNS", "NNPS") and determiner not in DEFINITE:
            frame.plural = True  # "attacks", "several strikes"; "the strikes" are known ones
            frame.volley = noun.lemma_.lower() in self.lexicon.cues["one_event_plurals"]
        modifiers = modifier_chain(noun)
        for child in modifiers:
            if child.dep_ in ("compound", "nmod", "poss") and child.ent_type_ in ("GPE", "LOC", "FAC") \
                    and child.ent_type_ != "ACTOR" and not is_demonym_like(child):
                self.places.add(frame, child, "compound", distance=1)  # "Jordan drone strike"
            elif child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod")
                                          and child.ent_type_ in ("NORP", "ACTOR", "ORG", "GPE")):
                self._role(frame, child, "agent")
            elif child.dep_ == "acl" and child.lemma_.lower() in ("target", "hit"):
                for obj in objects(child):
                    self._role(frame, obj, "target")
        verb = support_verb(noun, self.lexicon)
        if verb is not None:
            self._verb_arguments(frame, verb)
            for prep, obj in prep_objects(verb):
                self._prep_argument(frame, prep, obj)
        elif noun.dep_ == "nsubj" and noun.head.lemma_.lower() in self.lexicon.cues["occurrence_verbs"]:
            for prep, obj in prep_objects(noun.head):  # "fighting erupted between ... in ..."
                self._prep_argument(frame, prep, obj)
        for agent in agents(noun):
            self._role(frame, agent, "agent")

    def _attacked_of(self, frame: Frame, noun: Token) -> None:
        """The "of" phrase of an attack noun names what was attacked when it is a facility or
        people: "the bombing of the federal building", "the shooting of a teenager". A side
        ("the attack of the rebels") may be the attacker, and a town is the place, not a target."""
        for thing in (o for p, o in prep_objects(noun) if p == "of"):
            kind = kind_of(thing, self.lexicon)
            if kind in ("facility", "civilian"):
                self._target(frame, thing, kind)
            elif kind == "person":
                self._target(frame, thing, "civilian")

    def _harm_arguments(self, frame: Frame, verb: Token) -> None:
        if present_perfect(verb):
            frame.perfect = True  # "have been killed since April": a toll, not one event
        headline_passive = verb.tag_ == "VBN" and not any(
            c.dep_.startswith("aux") or c.dep_ == "dobj" for c in verb.children)
        if headline_passive:  # "Two soldiers wounded as ...": the subject is the victim (one
            # with an object is active, whatever the tagger says: "bombers killed ten people")
            for victim in subjects(verb):
                self._target(frame, victim, kind_of(victim, self.lexicon))
            return
        for subj in subjects(verb):
            kind = kind_of(subj, self.lexicon)
            if kind in ("actor", "person", "place") and verb.lemma_.lower() not in ("die",):
                self._role(frame, subj, "agent")
            elif kind == "weapon":
                self._add_weapon(frame, weapon_code(subj, self.lexicon), subj)
        victims = passive_subjects(verb) + objects(verb)
        if verb.lemma_.lower() == "die":  # "a man died": the subject is the victim
            victims += subjects(verb)
        for victim in victims:
            kind = self._victim_kind(verb, victim)
            if kind == "civilian":
                self._target(frame, victim, kind)
            elif kind == "actor" and frame.target is None:
                self._set_actor(frame, victim, "target")

    def _victim_kind(self, verb: Token, victim: Token) -> str:
        """What a harmed phrase names: a person nobody lists ("a street vendor", "Lupoe") is a
        civilian when the verb harms people directly."""
        if (victim.like_num or victim.tag_ == "CD") and not any(p == "of" for p, _ in prep_objects(victim)):
            return "number"  # "... and two were wounded": the noun is elided, so is who they are
        kind = kind_of(victim, self.lexicon)
        if kind in ("person", "name", "other") and verb.lemma_.lower() in self.lexicon.cues["person_harm_verbs"]:
            return "civilian"
        return kind

    def _prep_argument(self, frame: Frame, prep: str, obj: Token) -> None:
        if prep == "between" and frame.event_class == "clash" and obj.conjuncts:
            if obj.i < obj.conjuncts[0].i:  # read once, from X (Y comes as an object too)
                self._role(frame, obj, "agent")  # "clashes between X and Y": X against Y
                self._second_side(frame, obj.conjuncts[0])
            return
        kind = kind_of(obj, self.lexicon)
        if prep in INSTRUMENT_PREPS and kind == "weapon":  # "killed in mortar shells fired ..."
            self._add_weapon(frame, weapon_code(obj, self.lexicon), obj)
        elif prep == "with" and frame.event_class in OPPONENT_CLASSES and kind in ("actor", "civilian", "person"):
            self._role(frame, obj, "target")  # "clashed with militants": the other side
        elif prep == "by" and kind in ("actor", "place", "person"):
            self._role(frame, obj, "agent")
        elif prep in TARGET_PREPS and kind in ("facility", "actor", "civilian", "place", "person"):
            self._role(frame, obj, "target")
        elif (prep in PLACE_PREPS or prep == "to" and frame.event_class in DESTINATION_CLASSES) \
                and (kind in ("place", "facility", "name") or obj.ent_type_ == "NORP" and obj.pos_ == "PROPN"):
            # NER calls some towns NORP; a force is deployed where it is sent ("to Kano")
            self.places.add(frame, obj, prep, distance=1)
        if prep in PLACE_PREPS and any(f in self.lexicon.heads["area"] for f in lemma_forms(obj)):
            self.places.area_places(frame, obj, prep)
        if prep in LOOTED_PREPS.get(frame.event_class, ()):
            self._loser(frame, obj, kind)

    def _role(self, frame: Frame, head: Token, role: str) -> None:
        """Put a phrase where it belongs by what it names, whatever its syntactic slot."""
        if head in self.speakers:
            return  # "..., residents and a monitoring group said": the sources, not a side
        kind = kind_of(head, self.lexicon)
        if kind == "weapon":
            named = unwrap_crowd(head)  # "shot down 28 of the drones": the drones
            self._add_weapon(frame, weapon_code(named, self.lexicon), named)
            if role == "target" and frame.event_class == "intercept" and is_national(named):
                self._set_actor(frame, named, "target")  # "intercepted 8 Russian drones": Russia's
            if role == "target" and frame.event_class == "intercept":
                for launcher in launched_by(named, self.lexicon):  # "a drone launched by Hezbollah"
                    self._set_actor(frame, launcher, "target")
            if role == "agent" and frame.agent is None and (is_national(head) or is_person(self.lexicon, head)):
                self._set_actor(frame, head, "agent")  # "Israeli artillery", "Taliban gunmen"
        elif kind == "event":
            for code in modifier_weapons(head, self.lexicon):
                self._add_weapon(frame, code, head)
        elif role == "agent" and frame.event_class in CROWD_CLASSES:
            if frame.agent is None and is_crowd(self.lexicon, head, kind, frame.event_class):
                self._set_actor(frame, head, "agent")
        elif role == "agent" and (kind in ("actor", "place", "person") or crowd_noun(self.lexicon, head)
                                  or (frame.event_class in CIVILIAN_AGENT_CLASSES
                                      and displaced_people(self.lexicon, head))):
            if frame.agent is None:  # "the Ngbo youths attacked": a crowd can attack too
                self._set_actor(frame, head, "agent")
            for code in modifier_weapons(head, self.lexicon) if kind == "actor" else ():
                self._add_weapon(frame, code, head)  # "the artillery and missile units pounded"
        elif role == "target":
            self._target(frame, head, kind)

    def _loser(self, frame: Frame, obj: Token, kind: str) -> None:
        """Whose property or ground it was: "stole cash from a Palestinian house" (civilians),
        "set fire to grain belonging to IDPs", "recaptured the town from IS". What was taken
        from a house is not the house."""
        if kind in ("actor", "civilian", "person"):
            self._role(frame, obj, "target")  # _target reads the owners too
            return
        if kind == "facility" and civilian_facility(self.lexicon, obj):
            frame.target_civilians = True
        self._owners(frame, obj)

    def _owners(self, frame: Frame, thing: Token) -> None:
        """Civilians whose property was hit: "grain belonging to IDPs" (the owners),
        "Palestinian-owned lands" (the nation's people)."""
        owners, national = civilian_owners(self.lexicon, thing)
        for owner in owners:
            self._set_actor(frame, owner, "target")
        if owners or national:
            frame.target_civilians = True  # a nation's: the civilians of the story's country

    def _target(self, frame: Frame, head: Token, kind: str) -> None:
        if any(f in self.lexicon.heads["area"] for f in lemma_forms(head)):
            self.places.area_places(frame, head, "target")  # "struck the outskirts of Naqoura"
        if frame.event_class in TERRITORY_CLASSES:
            kind = territory_kind(self.lexicon, head, kind)
        if kind == "civilian":
            frame.target_civilians = True
            self._set_actor(frame, head, "target")
        elif kind in ("actor", "person"):
            self._set_actor(frame, head, "target")
        elif kind in ("facility", "place"):
            if kind == "place" or _is_named(head):
                self.places.add(frame, head, "target", distance=0)
                first, last = entity_phrase(head)
                frame.add_evidence("target", text_span(self.sentence, first, last))
            if kind == "facility":
                first, last = core_phrase(head)
                frame.target_refs.append(self._actor_ref(first, last))
                frame.add_evidence("target", text_span(self.sentence, first, last))
                if civilian_facility(self.lexicon, head):
                    frame.target_civilians = True
                for owner in facility_owners(self.lexicon, head):  # "16 PKK positions": the PKK is hit
                    self._set_actor(frame, owner, "target")
            if kind == "place" or any(f in self.lexicon.heads["territory"] for f in lemma_forms(head)):
                frame.territorial_target = True
        for sub in head.subtree:  # "bases ... housing forces of the coalition"
            if sub != head and sub.dep_ in ("dobj", "pobj") and kind_of(sub, self.lexicon) == "actor":
                if sub.head.lemma_.lower() in ("house", "host", "of", "belong", "link"):
                    self._set_actor(frame, sub, "target")
        self._owners(frame, head)
        for prep, obj in prep_objects(head):
            if prep in PLACE_PREPS and (kind_of(obj, self.lexicon) in ("place", "facility", "name")
                                        or obj.ent_type_ == "NORP" and obj.pos_ == "PROPN"):
                self.places.add(frame, obj, prep, distance=1)
            if prep in PLACE_PREPS and any(f in self.lexicon.heads["area"] for f in lemma_forms(obj)):
                self.places.area_places(frame, obj, prep)

    def _second_side(self, frame: Frame, side: Token) -> None:
        """"A man was killed in a battle between troops and terrorists": the terrorists are the
        other side, the man who died in it is no side."""
        if frame.target is not None and kind_of(side, self.lexicon) == "actor":
            frame.evidence = [e for e in frame.evidence if e.field != "actor2"]
            frame.target = None
        self._role(frame, side, "target")

    def _set_actor(self, frame: Frame, head: Token, role: str) -> None:
        if head in self.speakers:  # the sources, however the parser hung them
            return
        if role == "agent" and frame.agent is None and self._two_sides_in_one(frame, head):
            return
        for tok in with_conjuncts(head):
            first, last = actor_phrase(tok)
            ref = self._actor_ref(first, last)
            if role == "agent" and frame.agent is None:
                frame.agent = ref
                frame.add_evidence("actor1", self.document.span(ref.start, ref.end))
            elif role == "agent" and frame.event_class in TWO_SIDED_CLASSES and tok is not head:
                self._set_actor(frame, tok, "target")  # "Seleka militants and FACA soldiers clashed"
            elif role == "agent" and tok is not head:  # "Taliban gunmen and suicide bombers attacked"
                self._associate(frame, ref)
            elif role == "target":
                if frame.target is None:
                    frame.target = ref
                    frame.add_evidence("actor2", self.document.span(ref.start, ref.end))
                elif all(r.text != ref.text for r in frame.associates):
                    frame.associates.append(ref)

    def _associate(self, frame: Frame, ref: ActorRef) -> None:
        """Another named doing it with the agent (its evidence is written once it is resolved:
        ``participants.py``)."""
        if all(r.text != ref.text for r in frame.agent_associates):
            frame.agent_associates.append(ref)

    def _two_sides_in_one(self, frame: Frame, head: Token) -> bool:
        """"Russian and Ukrainian military forces clashed": one noun, two sides named by its
        conjoined modifiers; each side is its modifier with the noun. Where only one side
        acts ("Hamas and Islamic Jihad fighters attacked a post"), the second does it with
        the first: an associated actor."""
        modifier = next((m for m in head.lefts if m.dep_ in ("amod", "compound", "nmod") and m.conjuncts
                         and m.ent_type_ in ("NORP", "GPE", "ACTOR")), None)
        if modifier is None:
            return False
        first, last = actor_phrase(head)
        whole = self._actor_ref(first, last)
        rest = head.doc[max(m.i for m in modifier.conjuncts) + 1:head.i + 1].text
        frame.agent = ActorRef(whole.start, whole.end, f"{_name_words(modifier)} {rest}")
        frame.add_evidence("actor1", self.document.span(whole.start, whole.end))
        other = ActorRef(whole.start, whole.end, f"{_name_words(modifier.conjuncts[0])} {rest}")
        if frame.event_class in TWO_SIDED_CLASSES:
            frame.target = other
            frame.add_evidence("actor2", self.document.span(other.start, other.end))
        else:
            self._associate(frame, other)
        return True

    def _actor_ref(self, first: Token, last: Token) -> ActorRef:
        span = text_span(self.sentence, first, last)
        return ActorRef(span.start, span.end, span.text)

    def _add_weapon(self, frame: Frame, code: str | None, token: Token) -> None:
        if code and code not in frame.weapons:
            frame.weapons.append(code)
            first, last = core_phrase(token)
            frame.add_evidence("weapon", text_span(self.sentence, first, last))
            number = next((c for c in token.children if c.dep_ == "nummod"), None)
            if number is not None and frame.weapon_count is None:
                figure = parse_figure(number.text)
                frame.weapon_count = figure.value if figure and not figure.vague else None

    # ------------------------------------------------------------------ checks
    def _defaults(self, frame: Frame, group: list[Trigger]) -> None:
        """What the trigger words imply where the sentence names nothing: a weapon ("shelled"),
        a chemical agent named anywhere in it, civilian victims ("a massacre"), weaker places."""
        if not frame.weapons:
            implied = next((t.sense.weapon for t in group if t.sense.weapon), None)
            if implied:
                frame.weapons.append(implied)
        if any(t.sense.civilians for t in group) and frame.target is None and not frame.target_refs:
            frame.target_civilians = True  # "a massacre in Para state": its victims are civilians
        if CHEMICAL not in frame.weapons and frame.event_class in ("attack", "harm", "clash") \
                and names_chemical_weapon(self.lexicon, self.sentence.span):
            frame.weapons.append(CHEMICAL)  # "used mustard gas in an attack": the tactic that counts
        self.places.sentence_places(frame, anchor_of(group).token)

def _name_words(modifier: Token) -> str:
    """A conjoined modifier with the words of its own name: "Islamic Jihad" of "Hamas and
    Islamic Jihad fighters"."""
    start = min([modifier.i] + [t.i for t in modifier.lefts if t.dep_ in ("compound", "amod")])
    return modifier.doc[start:modifier.i + 1].text


def _is_named(head: Token) -> bool:
    """Does a facility phrase carry a name ("the Ain al-Asad airbase"), not just "a base"?"""
    first, last = entity_phrase(head)
    return any(t.pos_ == "PROPN" or t.ent_type_ for t in head.doc[first.i:last.i + 1])
