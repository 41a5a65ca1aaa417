"""Sense and context rules (framing/senses.py, lexicons/frame_rules.csv): when a frame word counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.frames import FrameModel
from framing.lexicon import load_default_lexicon
from framing.segment import tokenize
from framing.senses import ContextRules, load_default_rules, load_rules, parse_rules


def _counted(text: str, rules: ContextRules | None = None) -> list[str]:
    model = FrameModel(rules=rules)
    lexicon = load_default_lexicon()
    return [text[s:e].lower() for _, s, e in model.find_terms(tokenize(text), text)] if lexicon else []


@pytest.mark.parametrize(
    ("text", "not_counted"),
    [
        ("He was reaching his arms out to the crowd.", "arms"),
        ("The plan was met with scepticism in the capital.", "met"),
        ("Members must meet NATO's target soon.", "meet"),
        ("Social Security checks will rise.", "security"),
        ("She spoke at a press conference on Monday.", "conference"),
        ("The talks were business-like.", "business"),
        ("Revenue rose 5 percent to 3 billion dollars.", "percent"),
        ("The new tax hits families.", "tax"),
        ("He was on duty that night.", "duty"),
        ("We have to deal with it.", "deal"),
    ],
)
def test_rules_drop_the_misreadings_of_issue_11(text: str, not_counted: str) -> None:
    counted = _counted(text)
    assert not_counted not in counted
    assert not_counted in [t.lower for t in tokenize(text)]


def test_the_same_words_count_in_their_frame_sense() -> None:
    counted = _counted("Xi met Biden. Arms sales rose; the duties on steel and a ceasefire deal were signed.")
    assert {"met", "arms", "duties", "steel", "ceasefire", "deal"} <= set(counted)


@pytest.mark.parametrize(
    ("text", "word", "counts"),
    [
        # a state's name counts as a foreign state (CAP 19) ...
        ("Taiwan's president flew to Paraguay.", "taiwan's", True),
        ("The drills near Taiwan alarmed Japan.", "japan", True),
        ("Israelis and Palestinians returned to the table.", "israelis", True),
        ("Russians queued at the border.", "russians", True),
        ("Croatian and Ecuadorian envoys met.", "croatian", True),
        ("Chinese envoys met their hosts.", "chinese", True),  # frames 2.6.0
        ("The U.N. envoy arrived.", "u.n. envoy", True),
        # ... but not inside another name (issue 11 follow-up: a company, a newspaper, a US state)
        ("Shares of Taiwan Semiconductor fell.", "taiwan", False),
        ("The Japan Times ran the story first.", "japan", False),
        ("The Kyiv Independent reported the strike.", "kyiv", False),
        ("Saudi Aramco cut its prices.", "saudi", False),
        ("Voters in New Mexico went to the polls.", "mexico", False),
        ("American Indian tribes sued the county.", "indian", False),
        ("The diner sells french fries.", "french", False),
        # a head of government's name is a person, not a frame word
        ("Putin and Xi Jinping were not there.", "putin", False),
        ("Putin and Xi Jinping were not there.", "xi jinping", False),
    ],
)
def test_state_names_count_only_as_states(text: str, word: str, counts: bool) -> None:
    assert (word in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "word", "counts"),
    [
        ("The towers of the World Trade Center fell.", "world trade", False),
        ("The Port Authority runs the bus terminal.", "port", False),
        ("The port handled more containers.", "port", True),
        ("Police, aided by volunteers, searched the park.", "aided", False),
        ("Clinics treat AIDS patients.", "aids", False),
        ("Donors pledged new aid to Sudan.", "aid", True),
        ("The grant helps to combat malaria.", "combat", False),
        ("Schools are combating truancy.", "combating", False),
        ("Combat troops left the valley.", "combat", True),
        ("African American voters lined up.", "african", False),
        ("Leaders across Africa met.", "africa", True),
        ("Conflict diamonds are still sold.", "conflict", False),
        ("Two G.I.'s were hurt.", "g.i", True),
        ("ISIL and Daesh fighters fled.", "isil", True),
        ("She solved it with great intelligence.", "intelligence", False),
        ("The intelligence was passed to allies.", "intelligence", True),
        ("Two chip firms are seen as rivals to the market leader.", "rivals", False),
        ("Beijing sees Washington as its main rival.", "rival", True),
        ("The long-threatened tariffs took effect.", "threatened", False),
        ("The army threatened to cross the river.", "threatened", True),
        ("Shops open at nine, Indian Standard Time.", "indian", False),
        ("The humanitarian crisis in the valley deepened.", "crisis", False),
        ("The border crisis deepened.", "crisis", True),
        ("According to Russian diplomatic sources, the swap is near.", "diplomatic", False),
    ],
)
def test_general_words_count_only_in_their_frame_sense(text: str, word: str, counts: bool) -> None:
    assert (word in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "word", "counts"),
    [
        # the president's plane is a means of travel, the air force a force (issue 11 follow-up)
        ("The envoy spoke to reporters aboard Air Force One.", "air force", False),
        ("Air Force Two landed in the rain.", "air force", False),
        ("The air force grounded its new jets.", "air force", True),
        # a US state's secretary of state runs elections and records; the foreign minister is national
        ("The Ohio secretary of state certified the count.", "secretary of state", False),
        ("Georgia's secretary of state ordered a recount.", "secretary of state", False),
        ("A New York state department of health memo leaked.", "state department", False),
        ("The Secretary of State flew to the summit.", "secretary of state", True),
        ("In Ohio, Secretary of State Ruth Vale praised the talks.", "secretary of state", True),
        # a region inside one country is not the world region of international relations
        ("Drones struck the Kursk region overnight.", "region", False),
        ("Grape prices fell across the farming region.", "region", False),
        ("The country's eastern region lost power.", "region", False),
        ("Tensions across the region rose after the strike.", "region", True),
        ("The Indo-Pacific region is tense.", "region", True),
        # an administrative territory is not land at stake in a conflict
        ("The Northern Territory voted on Saturday.", "territory", False),
        ("The island is an overseas territory.", "territory", False),
        ("The territory of Guam sends a delegate.", "territory", False),
        ("Negotiations are in uncharted territory.", "territory", False),
        ("The troops seized territory along the river.", "territory", True),
        ("Figures came from the territory's health ministry.", "territory's", False),
        ("The territory’s militant-run health ministry spoke.", "territory’s", False),
        # a state's name inside a news agency's name is sourcing (the shipped sense sample's wrong word)
        ("The Ruritanian News Agency and the Philippine News Agency agreed.", "philippine", False),
        ("According to RBC-Ukraine, the list may grow.", "ukraine", False),
        ("Philippine ships docked at the pier.", "philippine", True),
        # a person called Rice is not the grain; a price on a head is a bounty
        ("More questions as Rice asserts a new policy.", "rice", False),
        ("Condoleezza Rice flew home.", "rice", False),
        ("Rice exports to Japan fell.", "rice", True),
        ("A price on his head was posted.", "price", False),
        ("The price of steel rose.", "price", True),
        ("Blinken called Kuleba, State Department spokesperson Ned Price said.", "price", False),
        ("The envoy met Ruiz on Monday, Price told reporters.", "price", False),
        ("Mr Price flew home.", "price", False),
        ("Oil prices said little about demand, but the price fell.", "price", True),
        # issue 11: an ally in a trade passage is a trading partner, a politician's allies are associates
        ("New tariffs hit close allies such as Ruritania and Freedonia.", "allies", False),
        ("Allies like Ruritania will face steel duties next month.", "allies", False),
        ("The senator and his allies blocked the bill.", "allies", False),
        ("Democratic allies of the governor cheered.", "allies", False),
        ("The treaty binds the allies to defend each other.", "allies", True),
        ("Ruritania is a key ally of the alliance.", "ally", True),
        # unseen text: a safeguard in a trade passage is a trade remedy; threatening jobs is an economic risk
        ("Beef enters under import quotas, alongside safeguards for farmers.", "safeguards", False),
        ("The deal adds safeguards against a surge of imports.", "safeguards", False),
        ("New safeguards protect the base from drone attacks.", "safeguards", True),
        ("Cheap imports could threaten local production.", "threaten", False),
        ("The militia threatened the border town.", "threatened", True),
        # 1.22.0: the economic object may stand further off ("China's domestic sector"; "to slap 25% tariffs")
        ("The duties threatened the country's fragile domestic sector.", "threatened", False),
        ("Beijing threatened to slap 25% tariffs on cars.", "threatened", False),
        ("Rebels threatened the capital's northern districts.", "threatened", True),
        # "of GDP" is a yardstick for what it measures; GDP as the topic still counts
        ("Allies pledged 5 percent of GDP for defence.", "gdp", False),
        ("GDP shrank after the tariffs.", "gdp", True),
        ("A sharp fall of GDP followed the tariffs.", "gdp", True),
        # review of 1.22.0-1.23.1: these count again
        ("Trump imposed tariffs over border security concerns.", "border", True),
        ("Government procurement of fighter jets was delayed.", "procurement", True),
        ("He was a Marine reserve officer.", "marine", True),
        ("Israel struck the nuclear reactor near the capital.", "nuclear", True),
        ("The militants pose a threat to life in the villages.", "threat", True),
        # 1.23.0: civil nuclear power, the sea and threats to health are not security
        ("Water from the Fukushima nuclear plant was released.", "nuclear", False),
        ("The nuclear regulator approved the release.", "nuclear", False),
        ("Water from the wrecked nuclear power plant was released.", "nuclear", False),
        ("Saboteurs hit the nuclear enrichment plant.", "nuclear", True),
        ("Ruritania tested a nuclear missile.", "nuclear", True),
        ("The world's two largest nuclear powers met.", "nuclear", True),
        ("The release poses a threat to human health.", "threat", False),
        ("The militia is a threat to the capital.", "threat", True),
        ("They kept the agreements the two leaders had struck in May.", "struck", False),
        ("The rebels struck the depot at dawn.", "struck", True),
    ],
)
def test_names_and_units_that_only_look_like_frame_words(text: str, word: str, counts: bool) -> None:
    assert (word in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "word", "counts"),
    [
        # frame_rules 1.8.0 (issue 11, the dev paragraphs' wrong senses): exchanging words or shots is not commerce
        ("The two ministers traded verbal blows on television.", "traded", False),
        ("Both camps were trading barbs all week.", "trading", False),
        ("The two countries traded more goods than ever.", "traded", True),
        # a welcome ceremony is protocol, a ship's call at a port is not trade through it
        ("The guests were received with full military honours.", "military", False),
        ("The visitors got military honors at the airfield.", "military", False),
        ("The military moved tanks to the border.", "military", True),
        ("The liner made a port call at dawn.", "port", False),
        # 'international' meaning worldwide or from many countries, or inside an institute's name
        ("She landed at the international airport.", "international", False),
        ("International students pay higher fees.", "international", False),
        ("The party drew an international mix of guests.", "international", False),
        ("He is a fellow at a centre for international studies.", "international", False),
        ("The coup drew international condemnation.", "international", True),
        # an institution named as a fact's source is sourcing, as officials' titles are
        ("According to the European Commission, the cap will hold.", "european commission", False),
        ("The European Commission reports that the package passed.", "european commission", False),
        ("The European Commission proposed new sanctions.", "european commission", True),
        # a minister's office at home is not a ministerial meeting between states
        ("The red ministerial box was a gift.", "ministerial", False),
        ("She was offered a ministerial post at home.", "ministerial", False),
        ("Delegates gathered for the ministerial in Geneva.", "ministerial", True),
    ],
)
def test_rules_1_8_drop_words_outside_their_frame_sense(text: str, word: str, counts: bool) -> None:
    assert (word in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "word", "counts"),
    [
        # frame_rules 1.9.0 (issue 11): domestic senses of frame words in off-topic stories
        ("She spoke at a conservative think tank in the capital.", "tank", False),
        ("A think-tank report came out on Monday.", "tank", False),
        ("A tank rolled across the bridge.", "tank", True),
        ("The White House chief of staff resigned.", "chief of staff", False),
        ("The governor's chief of staff took the call.", "chief of staff", False),
        ("The army chief of staff visited the base.", "chief of staff", True),
        ("The bill passed through budget reconciliation.", "reconciliation", False),
        ("Senators drafted a new reconciliation bill.", "reconciliation", False),
        ("The two rival factions pledged reconciliation.", "reconciliation", True),
        ("Premium subsidies help families buy cover.", "subsidies", False),
        ("The health care subsidies expire in June.", "subsidies", False),
        ("Farm export subsidies distort world prices.", "subsidies", True),
        ("The campaign wants to mobilize voters in the suburbs.", "mobilize", False),
        ("The general ordered the reserves to mobilize.", "mobilize", True),
        ("A veteran diplomat will lead the review.", "veteran", False),
        ("She is a twenty-year industry veteran.", "veteran", False),
        ("The veteran lost a leg in the war.", "veteran", True),
        ("Regulators promised fast-track approval for the drug.", "fast-track", False),
        ("Congress granted the president fast-track authority on trade.", "fast-track", True),
        ("The defense attorney objected.", "defense", False),
        ("A legal defense fund was set up for him.", "defense", False),
        ("The country raised its spending on defense.", "defense", True),
        ("Voters approved a property tax levy for the schools.", "levy", False),
        ("The city levied fines on the landlords.", "levied", False),
        ("The bloc put a new levy on imported steel.", "levy", True),
    ],
)
def test_rules_1_9_drop_domestic_senses(text: str, word: str, counts: bool) -> None:
    assert (word in _counted(text)) is counts


def _counted_frames(text: str) -> dict[str, str]:
    model = FrameModel()
    found = model.find_terms(tokenize(text), text)
    return {text[s:e].lower(): model.lexicon_.terms[i].frame for i, s, e in found}


@pytest.mark.parametrize(
    ("text", "words", "frame"),
    [
        # frames 2.7.0: the verbs of the listed prisoner exchanges, a joint statement's stock phrase
        ("The two sides will exchange prisoners next week.", "exchange prisoners", "diplomacy"),
        ("They agreed to swap prisoners.", "swap prisoners", "diplomacy"),
        ("The talks seek mutually beneficial ties.", "mutually beneficial", "diplomacy"),
        # ending a war is peace-making: the phrase takes the match from the war word
        ("Envoys called for an end to hostilities in the region.", "end to hostilities", "diplomacy"),
        ("The deal brings a halt to the fighting.", "halt to the fighting", "diplomacy"),
        ("He promised to end the war quickly.", "end the war", "diplomacy"),
        ("The hostilities went on for a year.", "hostilities", "security"),
        # the WTO's trade regime is trade, not a multilateral institution
        ("The move undermines the multilateral trading system.", "multilateral trading system", "trade"),
        ("Economic and trade cooperation deepened.", "trade cooperation", "trade"),
        ("Multilateral talks resumed.", "multilateral", "diplomacy"),
        # a warship's port visit is naval presence, neither a trade port nor a state visit
        ("The navy will increase its port visits to the island.", "port visits", "security"),
        # frames 2.8.0: one-word spellings and named offensives; 'offensive' alone is not a frame word
        ("Congress passed a new antiterrorism bill.", "antiterrorism", "security"),
        ("He ran counterterrorism policy for a decade.", "counterterrorism", "security"),
        ("The army began a ground offensive at dawn.", "ground offensive", "security"),
    ],
)
def test_frames_2_7_phrases_count_in_their_frame(text: str, words: str, frame: str) -> None:
    counted = _counted_frames(text)
    assert counted.get(words) == frame, counted


def test_offensive_alone_is_not_a_frame_word() -> None:
    assert "offensive" not in _counted_frames("His offensive remarks drew a rebuke.")


def test_a_one_word_window_is_the_word_right_beside_the_term() -> None:
    rules = parse_rules("rule,term,context,window\nnot_after,tariff,ohio,1\n", source="r.csv")
    assert "tariff" not in _counted("The Ohio tariff passed.", rules)
    assert "tariffs" in _counted("In Ohio, tariffs passed.", rules)


def test_attribution_is_not_frame_evidence() -> None:
    text = "Several European diplomats told AFP that tariffs on cars would rise."
    assert "diplomats" not in _counted(text)
    assert "diplomats" in _counted(text, ContextRules(()))
    assert "tariffs" in _counted(text)


def test_numbers_alone_never_count_even_in_a_user_lexicon() -> None:
    from framing.lexicon import parse_lexicon

    lexicon = parse_lexicon("term,frame,weight\n2024,trade,1\ntariff,trade,1\n", source="u.csv")
    text = "In 2024 the tariff rose."
    found = [text[s:e] for _, s, e in FrameModel(lexicon).find_terms(tokenize(text), text)]
    assert found == ["tariff"]


def test_every_shipped_rule_is_valid_and_each_kind_is_used() -> None:
    rules = load_default_rules()
    assert len(rules.rules) > 100
    assert {r.kind for r in rules.rules} >= {"never", "exclude_phrase", "only_form", "not_after", "require_near",
                                             "not_before", "attribution", "not_name"}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("exclude,arms,his arms,,", "line 2: unknown rule 'exclude'"),
        ("exclude_phrase,security,press conference,,", "line 2: phrase 'press conference' does not contain the term"),
        ("not_after,arms,his,x,", "line 2: window 'x' must be a whole number"),
        ("require_near,meet,,3,", "line 2: rule 'require_near' needs '|'-separated words"),
        ("not_after,arms,@FOO,1,", "line 2: unknown special word"),
        ("never,tax,something,,", "line 2: rule 'never' takes no context"),
        ("never,ta*x,,,", "line 2: term 'ta*x' must be a plain word"),
        ("attribution,@economy/actors,said,2,", "line 2: term '@economy/actors' is not @NUMBER"),
    ],
)
def test_a_bad_rule_row_names_file_and_line(row: str, message: str) -> None:
    with pytest.raises(LexiconError, match="rules.csv " + message.replace("(", r"\(").replace("*", r"\*")):
        parse_rules("rule,term,context,window,note\n" + row + "\n", source="rules.csv")


def test_user_rules_file_is_read_and_applied(tmp_path: Path) -> None:
    path = tmp_path / "my_rules.csv"
    path.write_text("rule,term,context,window,note\nexclude_phrase,tariff,tariff man,,a nickname\n", encoding="utf-8")
    rules = load_rules(path)
    assert "tariff" not in _counted("He calls himself a tariff man.", rules)
    assert "tariff" in _counted("He raised the tariff.", rules)


def test_a_missing_rules_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="nope.csv: cannot read rules file"):
        load_rules(tmp_path / "nope.csv")


def test_an_unquoted_comma_in_a_note_is_reported() -> None:
    with pytest.raises(LexiconError, match="r.csv line 2: more cells than columns"):
        parse_rules("rule,term,context,window,note,forms\nexclude_phrase,duty,on duty,,a post, not a tariff,\n", source="r.csv")


@pytest.mark.parametrize(
    ("text", "term", "counts"),
    [
        # session 9, unseen pages: lemmas that meet a term's lemmas in another sense
        ("Parts of the region remain under Ruritanian armed control.", "armed control", False),
        ("The two sides signed an arms control treaty.", "arms control", True),
        ("Calls for a pause are an attempt to buy Borovia some time.", "buy", False),
        ("The talks only bought time for both sides.", "bought", False),
        ("Ruritania will buy more soybeans from its neighbour.", "buy", True),
        # an unseen off-topic story of a nurses' strike and a UK hospital story
        ("Some 30,000 nurses went on strike for a day.", "strike", False),
        ("The nurses' strike closed two wards.", "strike", False),
        ("Waiting lists fell once strikes by hospital staff ended.", "strikes", False),
        ("A drone strike hit the base.", "drone strike", True),
        ("Strikes on the port killed three people.", "strikes", True),
        ("Strike action will continue in Northern Ireland.", "ireland", False),
        ("Ministers of Ireland and Borovia met.", "ireland", True),
    ],
)
def test_session9_senses_on_unseen_pages(text: str, term: str, counts: bool) -> None:
    assert (term in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "term", "counts"),
    [
        # rules 1.12.0: helping a criminal inquiry is not cooperation between states
        ("The former aide agreed to cooperate with prosecutors.", "cooperate", False),
        ("She pleaded guilty and agreed to cooperate.", "cooperate", False),
        ("He has cooperated fully with the special counsel's investigation.", "cooperated", False),
        ("The ministry pledged its cooperation with the congressional inquiry.", "cooperation", False),
        ("His lawyers said he gave the prosecution his full cooperation.", "cooperation", False),
        ("The two navies will cooperate on patrols.", "cooperate", True),
        ("Ruritania and Borovia deepened their cooperation on energy.", "cooperation", True),
        # plea bargains and contracts are not agreements between states
        ("The plea agreement was filed on Friday.", "agreement", False),
        ("Staff had signed a non-disclosure agreement.", "agreement", False),
        ("He rejected a deal that required him to plead guilty.", "deal", False),
        ("The witness accepted an immunity deal.", "deal", False),
        ("The two governments signed an agreement on fishing rights.", "agreement", True),
        ("Envoys struck a deal to reopen the border crossing.", "deal", True),
        # 'first / second round' is a diplomatic event only near talks
        ("A second round of talks opens in Geneva next week.", "second round", True),
        ("The first round of negotiations ended without a text.", "first round", True),
        ("The first round of tariffs hit furniture makers.", "first round", False),
        ("The hackers released a second round of stolen files.", "second round", False),
        ("In a second round, the city handed out more permits.", "second round", False),
    ],
)
def test_rules_1_12_drop_legal_and_procedural_senses(text: str, term: str, counts: bool) -> None:
    assert (term in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "words", "frame"),
    [
        # frames 2.9.0: a foreign power's interference in an election is a security threat
        ("Officials warned of election interference by a foreign government.", "election interference", "security"),
        ("Analysts traced the election meddling to a troll farm.", "election meddling", "security"),
        ("The report found that Borovia interfered in the 2016 presidential election.",
         "interfered in the 2016 presidential election", "security"),
        ("Agencies concluded that the regime meddled in our elections.", "meddled in our elections", "security"),
        ("He denied any meddling in the election.", "meddling in the election", "security"),
        ("The bureau opened a counterintelligence investigation.", "counterintelligence", "security"),
        # frames 2.10.0: military service and rank, the order of relations between states, a world region
        ("Most of the troops will be active-duty soldiers.", "active-duty", "security"),
        ("The retired four-star general led the agency.", "four-star general", "security"),
        ("Critics say the pact imperils the liberal world order.", "world order", "diplomacy"),
        ("The Gulf states worry about the talks.", "gulf states", "diplomacy"),
        # bare 'interference' stays a matter of relations between states
        ("Beijing condemned foreign meddling in its internal affairs.", "meddling", "diplomacy"),
    ],
)
def test_frames_2_9_election_interference_is_a_security_threat(text: str, words: str, frame: str) -> None:
    counted = _counted_frames(text)
    assert counted.get(words) == frame, counted


@pytest.mark.parametrize(
    ("text", "term", "counts"),
    [
        # rules 1.14.0: a war named only to date something ('post-war', 'pre-war', '-era') is a period label
        ("Critics say the post-war international order is fraying.", "war", False),
        ("Output is still below pre-war levels.", "war", False),
        ("Relations sank to Cold War-era lows.", "cold war", False),
        ("The post-Cold War settlement left many unhappy.", "cold war", False),
        ("They built the post-World War II system of alliances.", "world war", False),
        # an unspaced en dash joins a compound as a hyphen does (session 11)
        ("They built the post\u2013World War II system of alliances.", "world war", False),
        ("Critics say the post\u2013war order is fraying.", "war", False),
        ("The shoal hosts a World War II-era ship.", "world war", False),
        ("The museum keeps a Civil War-era rifle.", "war", False),
        # ... the war itself still counts
        ("The war in the region entered its third year.", "war", True),
        ("The Cold War ended in 1991.", "cold war", True),
        ("Veterans of World War II gathered.", "world war", True),
        ("A war-torn town waited for aid.", "war", True),
        # the post-war order stays a diplomacy phrase
        ("The post-war order is under strain.", "post-war order", True),
    ],
)
def test_rules_1_14_a_war_as_a_period_label_is_not_security(text: str, term: str, counts: bool) -> None:
    assert (term in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "term", "counts"),
    [
        # rules 1.14.0: a fight over tariffs or currencies escalating is trade, not armed conflict
        ("The tariff war hurt soybean farmers.", "war", False),
        ("Some fear a currency war.", "war", False),
        ("Trade tensions escalated again in May.", "escalated", False),
        ("Markets fell after the escalation in the trade war.", "escalation", False),
        ("He warned against escalating tariffs.", "escalating", False),
        ("The trade war deepened.", "trade war", True),
        # ... armed escalation still counts, even with trade a few words on
        ("Fighting escalated near the border, halting trade.", "escalated", True),
        ("Officials feared an escalation at sea.", "escalation", True),
    ],
)
def test_rules_1_14_a_trade_fight_escalating_is_trade(text: str, term: str, counts: bool) -> None:
    assert (term in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "term", "counts"),
    [
        # rules 1.15.0: 'since' a named war dates a comparison
        ("It is the smallest navy since World War II.", "world war", False),
        ("Ties are at their worst since the end of the Cold War.", "cold war", False),
        ("The worst rift since the Cold War ended worries Brussels.", "cold war", False),
        # ... the war itself still counts
        ("The Cold War shaped the alliance.", "cold war", True),
        ("Since 1991 historians have studied how World War II began.", "world war", True),
    ],
)
def test_rules_1_15_since_a_named_war_is_a_time_anchor(text: str, term: str, counts: bool) -> None:
    assert (term in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "word", "frame"),
    [
        # rules 1.16.0 / frames 2.11.0 (a classroom walkthrough of wire reports of one ministers' meeting)
        ("Moscow stated its readiness to meet the ministers.", "readiness", None),
        ("The combat readiness of the army fell.", "combat readiness", "security"),
        ("The navy improved its readiness.", "readiness", "security"),
        ("Monitors of the Organization for Security and Co-operation in Europe watched the line.",
         "organization for security and co-operation in europe", "diplomacy"),
        ("Monitors of the Organization for Security and Co-operation in Europe watched the line.", "security", None),
        ("Monitors of the Organization for Security and Co-operation in Europe watched the line.", "operation", None),
        ("The Organisation for Security and Cooperation in Europe sent monitors.",
         "organisation for security and cooperation in europe", "diplomacy"),
        ("The two states promised closer co-operation.", "co-operation", "diplomacy"),
        ("The two states promised closer co-operation.", "operation", None),
        ("The operation to retake the town began.", "operation", "security"),
        ("Moscow will pay a higher price for its aggression.", "higher price", None),
        ("The regime will pay a heavy price for this.", "price", None),
        ("Consumers face a higher price for imported cheese.", "higher price", "trade"),
        ("Shoppers are paying higher prices for cheese.", "higher prices", "trade"),
        ("The price of cheese rose.", "price", "trade"),
    ],
)
def test_rules_1_16_willingness_names_and_the_price_idiom(text: str, word: str, frame: str | None) -> None:
    assert _counted_frames(text).get(word) == frame


@pytest.mark.parametrize(
    ("text", "term", "counts"),
    [
        # rules 1.17.0: a common noun written capitalised inside a sentence is a person's name
        ("The envoy was Susan E. Rice, the ambassador.", "rice", False),
        ("Critics questioned Rice's account of the raid.", "rice's", False),
        ("The letter was led by Sen. Tom Cotton of the state.", "cotton", False),
        ("The talks stalled, Mr. Cotton said later.", "cotton", False),
        ("The deal is thin, economist Phil Levy said.", "levy", False),
        ("She met Tom Price at the hearing.", "price", False),
        # ... the good, the levy and the price still count, also first in a sentence or in a headline
        ("Rice exports to the region fell.", "rice", True),
        ("Farmers sold more cotton abroad.", "cotton", True),
        ("The bloc put a new levy on imported steel.", "levy", True),
        ("PRICE OF COTTON SOARS AFTER TARIFF", "cotton", True),
        ("They fled. Cotton prices fell.", "cotton", True),
        ("Oil Prices Soar", "prices", True),
        ("Japan Opens Its Rice Market to Imports", "rice", True),
        ("As Senator Tom Cotton (R., Ark.) suggested on Wednesday, talks may fail.", "cotton", False),
        # 'beef up', 'freighted with', a building called the annex, office logistics
        ("The navy will beef up its patrols.", "beef", False),
        ("Beef exports to Japan rose.", "beef", True),
        ("The role comes freighted with duties.", "freighted", False),
        ("Gunmen attacked the CIA annex at night.", "annex", False),
        ("The army moved to annex the province.", "annex", True),
        ("The general planned the logistics of the invasion.", "logistics", False),
        ("Shipping firms and logistics groups warned of delays at the ports.", "logistics", True),
        ("A veteran Republican strategist ran the campaign.", "veteran", False),
        ("The veteran trade negotiator spoke first.", "veteran", False),
        ("The veteran of two wars spoke first.", "veteran", True),
        ("He praised State Department personnel at the hearing.", "personnel", False),
        ("The Office of Personnel Management ran the check.", "personnel", False),
        ("Some diplomatic personnel left the capital.", "personnel", False),
        ("His first personnel announcements came in May.", "personnel", False),
        ("The base needs more personnel and aircraft.", "personnel", True),
    ],
)
def test_rules_1_17_names_and_idioms_are_not_trade_or_conflict(text: str, term: str, counts: bool) -> None:
    assert (term in _counted(text)) is counts


def test_not_name_takes_no_context() -> None:
    with pytest.raises(LexiconError, match="line 2: rule 'not_name' takes no context"):
        parse_rules("rule,term,context,window\nnot_name,rice,mr,\n", source="r.csv")


@pytest.mark.parametrize(
    ("text", "term", "frame"),
    [
        # rules 1.18.0: 'International' inside an organisation's name is not relations between states ...
        ("Amnesty International said the camps must close.", "international", None),
        ("A spokesman for Amnesty International declined to comment.", "international", None),
        ("Amnesty International Condemns Raid on Camp", "international", None),  # title-case headline
        ("Analysts at the International Crisis Group expect more fighting.", "international", None),
        ("Analysts at the International Crisis Group expect more fighting.", "crisis", None),
        ("International Crisis Group analysts expect more fighting.", "international", None),  # first word
        ("The International Rescue Committee runs the clinic.", "international", None),
        ("The International Committee of the Red Cross visited the prisoners.", "international", None),
        ("Shares of Marriott International fell on Monday.", "international", None),
        # ... the institutions between states count as their own terms (CAP 1906 / 1926: diplomacy, not trade)
        ("The International Monetary Fund approved the loan.", "international monetary fund", "diplomacy"),
        ("The International Criminal Court issued a warrant.", "international criminal court", "diplomacy"),
        # ... and the word itself still counts in its own sense
        ("The regime faced international pressure.", "international", "diplomacy"),
        ("International pressure grew on the regime.", "international", "diplomacy"),
        ("The crisis on the border deepened.", "crisis", "security"),
    ],
)
def test_rules_1_18_international_inside_a_name(text: str, term: str, frame: str | None) -> None:
    assert _counted_frames(text).get(term) == frame


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # rules 1.18.0: a dotted initialism is one word and its dots end no sentence
        ("A veteran U.S. diplomat said the talks would fail.", False),
        ("The veteran U.N. envoy resigned.", False),
        ("A veteran Chinese diplomat led the delegation.", False),
        ("The veteran Vatican analyst was not surprised.", False),
        # a former soldier still counts, also with an initialism or a comma between
        ("The veteran of two wars spoke first.", True),
        ("The veteran, U.S. officials said, was wounded twice.", True),
        ("The veteran told lawmakers he was wounded.", True),
    ],
)
def test_rules_1_18_veteran_across_an_initialism(text: str, counts: bool) -> None:
    assert ("veteran" in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("They thanked a veteran U.K. trade diplomat.", False),  # U.K. is one word: diplomat is the third
        ("They thanked a veteran U.K. The diplomat left.", True),  # "The" after the dots starts a sentence
        ("They thanked a veteran. The diplomat left.", True),
    ],
)
def test_a_window_counts_an_initialism_as_one_word(text: str, counts: bool) -> None:
    rules = parse_rules("rule,term,context,window\nnot_before,veteran,diplomat,3\n", source="r.csv")
    assert ("veteran" in _counted(text, rules)) is counts


def test_an_attribution_window_still_stops_at_an_initialism() -> None:
    # "said U.S. negotiators are ...": the negotiators are what was said, not the speaker
    assert "negotiators" in _counted("Kim said U.S. negotiators are ready to compromise.")


@pytest.mark.parametrize(
    ("text", "words", "frame"),
    [
        # rules 1.18.0 / frames 2.12.0: 'pay the price' is trade only as a cost buyers or firms bear
        ("Russia will pay the price for its aggression.", "pay the price", None),
        ("He paid the price of being misunderstood.", "paid the price", None),
        ("Russia will pay the price for its aggression.", "price", None),
        ("American consumers will pay the price of the tariffs.", "pay the price", "trade"),
        ("Shoppers paid the price of imported cheese.", "paid the price", "trade"),
        ("The price of cheese rose.", "price", "trade"),
    ],
)
def test_rules_1_18_pay_the_price(text: str, words: str, frame: str | None) -> None:
    assert _counted_frames(text).get(words) == frame


@pytest.mark.parametrize(
    ("text", "word", "counts"),
    [
        # rules 1.19.0: private and corporate relations are not relations between states ...
        ("He denied having sexual relations with her.", "relations", False),
        ("The firm handled public relations for the campaign.", "relations", False),
        ("Ask the media relations office for a comment.", "relations", False),
        ("She teaches labor relations at the college.", "relations", False),
        ("Relations between Ankara and Athens have thawed.", "relations", True),
        ("The two states want better relations with Moscow.", "relations", True),
        # ... nor a bargain inside one legislature
        ("Senators reached a bipartisan agreement on the bill.", "agreement", False),
        ("The bipartisan talks broke down on Friday.", "talks", False),
        ("Lawmakers struck a budget deal before the deadline.", "deal", False),
        ("The budget negotiations resume in the fall.", "negotiations", False),
        ("Critics called it a bipartisan compromise.", "compromise", False),
        ("The two governments reached an agreement on the border.", "agreement", True),
        ("Iran and the powers resumed talks in Vienna.", "talks", True),
        # ... nor people of influence or a disinformation office
        ("Power brokers in the capital were nervous.", "brokers", False),
        ("Qatar helped broker the truce.", "broker", True),
        ("The troll farm ran fake accounts.", "farm", False),
        ("The farm lost its buyers in China.", "farm", True),
    ],
)
def test_rules_1_19_relations_bargains_and_names_of_other_things(text: str, word: str, counts: bool) -> None:
    assert (word in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # rules 1.19.0: 'safeguard' is security only near forces, weapons, borders or threats
        ("China will take steps to safeguard its legitimate rights and interests.", False),
        ("The union asked the government to safeguard the jobs.", False),
        ("The rules safeguard patients in the clinics.", False),
        ("More troops were sent to safeguard the border.", True),
        ("The drones will help safeguard the base against attack.", True),
    ],
)
def test_rules_1_19_safeguard_is_security_only_near_security(text: str, counts: bool) -> None:
    assert ("safeguard" in _counted(text)) is counts


def test_rules_1_19_an_institution_a_quotation_reads_from_is_sourcing() -> None:
    assert "european commission" not in _counted('"Sanctions will follow," the statement by the European Commission reads.')
    assert "european commission" in _counted("The European Commission proposed new sanctions.")


@pytest.mark.parametrize(
    ("text", "word", "counts"),
    [
        # rules 1.20.0: near an election or a criminal inquiry, 'interference' / 'meddling' is not relations
        # between states (a foreign power's election interference is a security threat, frames 2.9.0)
        ("Critics mocked his denials of any meddling in U.S. elections.", "meddling", False),
        ("The rules protect upcoming elections from Russian interference.", "interference", False),
        ("The investigation into Russian meddling dragged on.", "meddling", False),
        ("Prosecutors described the interference in detail.", "interference", False),
        ("Beijing warned against interference in its internal affairs.", "interference", True),
        ("The envoy condemned foreign meddling in the region.", "meddling", True),
    ],
)
def test_rules_1_20_election_interference_is_not_relations(text: str, word: str, counts: bool) -> None:
    assert (word in _counted(text)) is counts


@pytest.mark.parametrize(
    ("text", "word", "counts"),
    [
        # session 14, untuned pages: somebody's demand is a request, not economic demand
        ("Allies bowed to Trump's demand that they spend more.", "demand", False),
        ("The union dropped their demands.", "demands", False),
        ("Weak demand for soybeans hit farmers.", "demand", True),
        ("Demand for steel fell in March.", "demand", True),
        # a country's possessive and "demand to" are as often economic (review, 1.21.1; a 1.22.0 row
        # that took "demand(s) to" as a request was withdrawn after review in 1.23.2)
        ("China's demand for soybeans fell.", "demand", True),
        ("Analysts expect demand to rise next year.", "demand", True),
        ("Refiners expect oil demand to hit a record.", "demand", True),
        # the EU's trade defence instruments are trade tools
        ("The EU will defend industry against abuse of trade defence instruments.", "defence", False),
        ("The ministry raised defence spending.", "defence spending", True),
        # deterring a bloc from tariffs is economic pressure; deterring an attack is security
        ("Levies were raised to deter the bloc from raising its tariffs.", "deter", False),
        ("Troops were sent to deter an attack.", "deter", True),
    ],
)
def test_requests_trade_defence_and_economic_deterrence(text: str, word: str, counts: bool) -> None:
    assert (word in _counted(text)) is counts
