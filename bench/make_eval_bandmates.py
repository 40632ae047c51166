"""Generate second-me's benchmark of two old bandmates texting across the Pacific, deterministically.

    python bench/make_eval_bandmates.py    # writes second_me/data/eval/bandmates-benchmark.jsonl

Dom (the user, 36 and then 37, once the drummer of the Portland band Cedar Static, a paramedic on
the county ambulance in Portland, Oregon, who becomes a flight paramedic on a helicopter with
Northstar Air Medical, with his partner Jess, a dental hygienist, a son of six and then seven, Eli,
and a retired racing greyhound, Pickles; his dad in Tacoma) and Bea (34 and then 35, the band's old
bass player and singer, a sound designer and then audio lead on a game, Tidewalker, at Hoshizora
Games in Osaka, who lives with her partner Kenji, a physiotherapist; her mum and her brother Tomás
in San Diego) text one to one from March 2025 to February 2026 in 25 sessions, with no one else in
the chat (`bench/data/bandmates-chats.txt`). Both of them do things (drums in a covers band and
taiko lessons, a cedar-strip canoe and Hood to Coast, a Japanese exam and a bike ride over the
islands; an album reissued on vinyl in pressings that grow, an advance and an advert's money split
four ways, a bass listed, offered for and kept; a reunion show moved twice, a game put back twice,
a wedding moved from spring to autumn; a hurt back, poison oak and a kidney stone, a broken wrist,
tonsillitis and the flu; a heart attack and a new hip; Manzanita, Seoul, Nara, Osaka and San
Diego), so a question can pin one's doing on the other. Written, script and questions together,
before anything was measured on it. Its questions are of the friends set's kinds
(`bench/make_eval_friends.py`), in its format (`bench/eval_chats.py`). Run it with
`second-me eval --dataset bandmates`.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.eval_chats import (GATHER, IE, INFER, MULTI, NONE, PHOTO, UPDATE, WHEN_, WHO, When, ask,  # noqa: E402
                              generator)

ROOT = Path(__file__).resolve().parent
SCRIPT = ROOT / "data" / "bandmates-chats.txt"
OUT = ROOT.parent / "second_me" / "data" / "eval" / "bandmates-benchmark.jsonl"
PEOPLE = {"D": ("Dom", "user"), "B": ("Bea", "other")}
SEED = 20260307
NOW = "2026-03-07T18:00:00+00:00"  # every question is asked at this moment (a Saturday evening)

QUESTIONS = [
    # one fact, about either of them
    ask(IE, "What's the game Bea is working on called?", "Tidewalker", "bea_job", aliases=["Tidewalker"]),
    ask(IE, "Which studio does Bea work at?", "Hoshizora Games", "bea_job", aliases=["Hoshizora"]),
    ask(IE, "What does Kenji do for work?", "physiotherapist", "kenji",
        aliases=["a physiotherapist", "physio", "a physio", "physical therapist", "a physical therapist"]),
    ask(IE, "Which label is putting out the Low Tide Radio reissue?", "Fernwood Records", "fernwood",
        aliases=["Fernwood"]),
    ask(IE, "How much did I list Big Blue for?", "$1,900", "bass_listed",
        aliases=["1,900", "1900", "$1900", "1,900 dollars"]),
    ask(IE, "What does Tamsin do these days?", "vet tech", "tamsin",
        aliases=["a vet tech", "vet tech at a clinic in Sellwood", "veterinary technician", "vet tech in Sellwood",
                 "works at a vet clinic"]),
    ask(IE, "Where does Wes live now?", "Nashville", "wes", aliases=["in Nashville"]),
    ask(IE, "How did Bea break her wrist?", "she came off her bike when a taxi door opened in front of her", "wrist",
        aliases=["taxi door", "a taxi door", "came off her bike", "fell off her bike", "bike accident",
                 "a taxi door opened", "off her bike"]),
    ask(IE, "How long is the canoe I'm building?", "17 feet", "canoe",
        aliases=["17 ft", "seventeen feet", "17 foot", "17"]),
    ask(IE, "Where does Bea do her taiko lessons?", "a community hall in Tennoji", "taiko",
        aliases=["Tennoji", "in Tennoji", "community hall", "a community hall"]),
    ask(IE, "What's the covers band I drum in called?", "The Open Bar", "open_bar_wedding", aliases=["Open Bar"]),
    ask(IE, "How much did the tooth fairy leave Eli for his first tooth?", "$5", "eli_tooth",
        aliases=["5", "five dollars", "$5.00", "5 dollars", "five bucks"]),
    ask(IE, "What was our Hood to Coast team called?", "Lights and Sirens", "htc", aliases=["Lights & Sirens"]),
    ask(IE, "How much rent do Bea and Kenji pay?", "92,000 yen a month", "rent",
        aliases=["92,000 yen", "92,000", "92000", "¥92,000", "92000 yen", "about 600 dollars", "$600"]),
    ask(IE, "Which of our songs got used in the TV ad?", "Salt Road", "sync", aliases=["\"Salt Road\""]),
    ask(IE, "Where did Kenji propose to Bea?", "on a boat on the river during the fireworks", "engaged",
        aliases=["on a boat", "a boat", "boat on the river", "on the river", "during the fireworks", "fireworks"]),
    ask(IE, "What did I name the canoe?", "Low Tide", "canoe_name", aliases=["\"Low Tide\""]),
    ask(IE, "How much were my flights to Osaka?", "$1,140", "flights_osaka",
        aliases=["1,140", "1140", "$1140", "1,140 dollars"]),
    ask(IE, "Where did Tomás get married?", "on the beach in La Jolla", "tomas_done",
        aliases=["La Jolla", "the beach in La Jolla", "a beach in La Jolla", "San Diego", "on the beach"]),
    ask(IE, "How much was the knife I got Jess in Sakai?", "$240", "knife",
        aliases=["240", "$240.00", "240 dollars"]),
    ask(IE, "Which company took me on as a flight paramedic?", "Northstar Air Medical", "flight_think", "job_got",
        aliases=["Northstar", "Northstar Air"]),
    ask(IE, "How long did Lights and Sirens take to do Hood to Coast?", "29 hours 12 minutes", "htc_done",
        aliases=["29 hours and 12 minutes", "29:12", "29 hours", "about 29 hours", "29h 12m"]),
    ask(IE, "What did Bea score on the N3?", "132 out of 180", "jlpt_pass", aliases=["132", "132/180"]),
    ask(IE, "How big was my kidney stone?", "4 millimetres", "kidney_size",
        aliases=["4 mm", "4mm", "four millimetres", "4 millimeters", "four millimeters"]),
    # everything of a kind, across sessions
    ask(GATHER, "What's been wrong with Bea's health this past year?", "a broken wrist", "wrist", "cast_off",
        "tonsillitis", "flu",
        aliases=["broken wrist", "wrist", "her wrist", "tonsillitis", "flu", "the flu", "influenza"]),
    ask(GATHER, "what health problems have I had in the past year", "a hurt back", "back", "poison_oak", "kidney",
        aliases=["hurt my back", "back", "my back", "back injury", "poison oak", "kidney stone", "a kidney stone"]),
    ask(GATHER, "What has Eli been up to over the past year?", "lost his first tooth", "eli_tooth", "eli_soccer",
        "eli_stitches", "lice", "manzanita_photo", "eli_school", "halloween", "eli_birthday",
        aliases=["first tooth", "tooth", "soccer", "Green Lightning", "stitches", "three stitches", "chin", "lice",
                 "sand ambulance", "first grade", "helicopter for Halloween", "Halloween", "turned 7",
                 "drum party"]),
    ask(GATHER, "What has Pickles got up to?", "stole a rotisserie chicken", "pickles_chicken", "pickles_escape",
        "canoe_photo", "ice_storm",
        aliases=["rotisserie chicken", "a chicken", "chicken", "escaped", "ran off", "the elementary school",
                 "gym mats", "the canoe", "life jacket", "refused to go outside", "ice storm"]),
    ask(GATHER, "Where has Bea travelled to in the last year?", "Seoul", "seoul_next", "seoul", "kenji_parents",
        "shimanami", "us_flight", "tomas_done", "rehearsal_done",
        aliases=["Seoul", "Nara", "Shimanami Kaido", "the Shimanami Kaido", "San Diego", "La Jolla", "Portland"]),
    ask(GATHER, "Where did I go away to in 2025?", "Osaka", "tacoma", "manzanita", "htc_done", "landed",
        aliases=["Osaka", "Japan", "Manzanita", "camping at Manzanita", "Tacoma", "Hood to Coast", "Seaside"]),
    ask(GATHER, "What has Bea bought in the last year?", "an electric bike", "bike_new", "turntable", "bass_osaka",
        aliases=["electric bike", "e-bike", "bike", "mamachari", "turntable", "a turntable", "record player",
                 "a bass", "secondhand bass", "bass"]),
    ask(GATHER, "What did I buy in 2025?", "a ride cymbal", "cymbal", "knife", "eli_drums",
        aliases=["ride cymbal", "cymbal", "Zildjian", "knife", "kitchen knife", "a knife for Jess", "drum kit",
                 "a kid's drum kit", "drum kit for Eli"]),
    ask(GATHER, "What has Bea done with her taiko?", "played the big drum at the Bon Odori", "taiko", "taiko_back",
        "taiko_fest_next", "taiko_fest_done", "taiko_odaiko",
        aliases=["Bon Odori", "Shitennoji", "big drum", "the big drum", "small drum", "odaiko", "wrist brace",
                 "started lessons", "taiko lessons"]),
    ask(GATHER, "What has Kenji been up to over the past year?", "proposed to Bea", "kenji_rehab", "engaged",
        "shimanami", "kenji_dom", "flu", "kenji_coming",
        aliases=["proposed", "engaged", "rehab plan", "laminated", "Shimanami Kaido", "cycled", "porridge",
                 "looked after Bea", "coming to the show"]),
    ask(GATHER, "What's been going on with my dad?", "a heart attack", "dad_heart", "dad_stent", "dad_home",
        "dad_rehab_done",
        aliases=["heart attack", "stents", "two stents", "cardiac rehab", "walks 3 miles", "lost 15 pounds"]),
    ask(GATHER, "What's happened in Bea's family over the past year?", "her mum got a new hip", "mum_hip",
        "mum_hip_done", "tomas_wedding", "tomas_done", "mum_dance",
        aliases=["new hip", "hip replacement", "hip replaced", "Tomás got married", "Tomas got married",
                 "wedding", "her brother's wedding", "conga"]),
    ask(GATHER, "Where have I played drums in the past year?", "a wedding with The Open Bar", "open_bar_wedding",
        "open_bar_50", "live_house_photo", "open_bar_wedding2", "open_bar_xmas", "rehearsal_done",
        aliases=["wedding", "a wedding", "a 50th", "50th birthday", "Lake Oswego", "Bar Chikyu", "live house",
                 "Namba", "Osaka", "Christmas party", "law firm", "rehearsal", "the garage"]),
    ask(GATHER, "How has the canoe build gone?", "launched it on the Willamette", "canoe", "canoe_strips",
        "canoe_sand", "canoe_glass", "canoe_launch", "canoe_2",
        aliases=["launched", "Willamette", "it floats", "strips", "sanded", "sanding", "fiberglassed",
                 "Low Tide", "second canoe", "Pickles Two"]),
    # when, from a message's own date and what it says
    ask(WHEN_, "When did I hurt my back?", When("on Thursday"), "back"),
    ask(WHEN_, "When did Eli lose his first tooth?", When("yesterday"), "eli_tooth"),
    ask(WHEN_, "When did Bea break her wrist?", When("on Friday"), "wrist"),
    ask(WHEN_, "When was my interview at Northstar?", When("next Tuesday"), "interview_next", "interview_done"),
    ask(WHEN_, "When did Eli get the stitches in his chin?", When("last weekend"), "eli_stitches"),
    ask(WHEN_, "Which month did Bea go to Seoul?", When("next month"), "seoul_next", "seoul"),
    ask(WHEN_, "When did Bea's mum have her hip done?", When("on Tuesday"), "mum_hip_done", "mum_hip"),
    ask(WHEN_, "When's my birthday?", When("yesterday"), "dom_birthday"),
    ask(WHEN_, "When did Dad have his heart attack?", When("on Wednesday"), "dad_heart"),
    ask(WHEN_, "When did Kenji propose to Bea?", When("last night"), "engaged"),
    ask(WHEN_, "When did we finish Hood to Coast?", When("yesterday"), "htc_done"),
    ask(WHEN_, "When did Bea's taiko group play the Bon Odori?", When("last weekend"), "taiko_fest_done"),
    ask(WHEN_, "When is Bea's birthday?", When("on Wednesday"), "bea_birthday"),
    ask(WHEN_, "when did I pass the kidney stone", When("on Tuesday"), "kidney"),
    ask(WHEN_, "When did the Low Tide Radio reissue come out?", When("yesterday"), "vinyl_out"),
    ask(WHEN_, "What day did I land in Osaka?", When("yesterday"), "landed"),
    ask(WHEN_, "When did Bea and I play Bar Chikyu?", When("on Friday", future=True), "live_house",
        "live_house_photo"),
    ask(WHEN_, "When was Tomás's wedding?", When("on Saturday"), "tomas_done"),
    # the newest of several statements
    ask(UPDATE, "When is Tidewalker coming out?", "12 March", "release_oct", "release_jan", "release_mar",
        "release_final",
        aliases=["March 12", "12th of March", "March 12th", "12 March 2026", "March 12, 2026"]),
    ask(UPDATE, "When's the Cedar Static reunion show?", "21 March", "reunion_idea", "reunion_oct", "reunion_27",
        "reunion_march",
        aliases=["March 21", "21st of March", "March 21st", "Saturday 21 March", "21 March 2026",
                 "March 21, 2026"]),
    ask(UPDATE, "Where's the reunion show going to be?", "the Halcyon Ballroom", "reunion_idea", "reunion_27",
        "lantern_closed", "reunion_march", aliases=["Halcyon Ballroom", "Halcyon", "the Halcyon"]),
    ask(UPDATE, "How many copies of Low Tide Radio is Fernwood pressing?", "1,000", "fernwood", "vinyl_500",
        "second_pressing", aliases=["1000", "a thousand", "1,000 copies", "one thousand"]),
    ask(UPDATE, "Am I still selling Big Blue?", "no, Bea's keeping it for the reunion show", "bass_sell",
        "bass_listed", "bass_offer", "bass_keep",
        aliases=["no", "not selling", "she's keeping it", "keeping it", "not for sale", "Bea wants to keep it",
                 "she's playing it at the show"]),
    ask(UPDATE, "When is Bea's wedding?", "10 October 2026", "wedding_spring", "wedding_oct", "wedding_date",
        aliases=["October 10", "10 October", "10th of October", "October 10th", "October 2026", "October",
                 "October 10, 2026"]),
    ask(UPDATE, "What's my job now?", "flight paramedic with Northstar Air Medical", "job", "job_got",
        "first_flight",
        aliases=["flight paramedic", "helicopter paramedic", "on the helicopter", "Northstar",
                 "paramedic on the helicopter"]),
    ask(UPDATE, "How many calls have I done on the helicopter?", "40", "calls_12", "calls_25", "calls_40",
        aliases=["forty", "40 calls"]),
    # only a photo's caption holds the answer
    ask(PHOTO, "What was Kenji holding up in the cherry blossom photo?", "a paper boat of takoyaki", "hanami_photo",
        aliases=["takoyaki", "a boat of takoyaki", "some takoyaki"]),
    ask(PHOTO, "What colour is the sweater Jess knitted for Pickles?", "mustard yellow", "pickles_photo",
        aliases=["yellow", "mustard", "a mustard yellow sweater"]),
    ask(PHOTO, "What did Eli make in the sand at Manzanita?", "an ambulance", "manzanita_photo",
        aliases=["a sand ambulance", "ambulance", "a sand sculpture of an ambulance", "sand ambulance"]),
    ask(PHOTO, "What colour is the stone in Bea's engagement ring?", "green", "ring_photo",
        aliases=["a green stone", "green stone", "a small round green stone"]),
    ask(PHOTO, "what colour coats did Bea's taiko group wear at the Bon Odori", "indigo", "taiko_photo",
        aliases=["indigo happi coats", "dark blue", "blue", "navy"]),
    ask(PHOTO, "What was hanging over the stage at Bar Chikyu?", "a red paper lantern", "live_house_photo",
        aliases=["red paper lantern", "paper lantern", "a lantern", "lantern", "a red lantern"]),
    # light reasoning over what was said
    ask(INFER, "Why did Bea change her mind about selling Big Blue?",
        "she wants to play her own bass at the reunion show", "bass_keep", "reunion_idea",
        aliases=["the reunion show", "the reunion", "reunion", "the show", "to play her own bass",
                 "to play it at the show", "a show"]),
    ask(INFER, "Why couldn't Bea come over in October?", "her studio cancelled all leave until Tidewalker ships",
        "oct_cancel", "release_mar",
        aliases=["the studio cancelled all leave", "no leave", "leave cancelled", "Tidewalker", "the game",
                 "work", "crunch"]),
    ask(INFER, "Why isn't the reunion show at the Lantern Room any more?",
        "the Lantern Room was sold and is closing for renovations", "lantern_closed",
        aliases=["sold", "it was sold", "renovations", "closing", "closed for renovations", "it's been sold",
                 "closing for six months"]),
    ask(INFER, "Why did I have to move my Osaka flights?", "Northstar put me on the roster for the week of the 8th",
        "flights_move", "flights_osaka",
        aliases=["work", "the roster", "Northstar", "rostered", "I was working", "on the roster", "roster"]),
    ask(INFER, "Why is Bea's wedding in October now?", "Kenji's grandmother wants it when the maple leaves are red",
        "wedding_oct",
        aliases=["Kenji's grandmother", "his grandmother", "grandmother", "maple leaves", "autumn leaves",
                 "red leaves", "the maples"]),
    # two facts combined
    ask(MULTI, "How much less than my asking price was the best offer for Big Blue?", "$200", "bass_listed",
        "bass_1700", aliases=["200", "$200.00", "200 dollars"]),
    ask(MULTI, "How many years older am I than Bea?", "2", "dom_birthday", "bea_birthday",
        aliases=["two", "2 years", "two years"]),
    ask(MULTI, "How much have I made from the Fernwood advance and the ad money together?", "$2,500",
        "vinyl_deal", "sync_money", aliases=["2,500", "2500", "$2500", "2,500 dollars"]),
    ask(MULTI, "How many more copies of the reissue are being pressed than Fernwood first planned?", "700",
        "fernwood", "second_pressing", aliases=["700 more", "seven hundred", "700 copies"]),
    ask(MULTI, "How many days before the reunion show does Tidewalker come out?", "9", "release_final",
        "reunion_march", aliases=["nine", "9 days", "nine days"]),
    ask(MULTI, "What did my Osaka flights cost in the end, with the change?", "$1,290", "flights_osaka",
        "flights_move", aliases=["1,290", "1290", "$1290", "1,290 dollars"]),
    # what one of them did, asked of the other
    ask(WHO, "When did I break my wrist?", None, "wrist", actually="Bea"),
    ask(WHO, "When did I get tonsillitis?", None, "tonsillitis", actually="Bea"),
    ask(WHO, "What did I get on the JLPT?", None, "jlpt_pass", actually="Bea"),
    ask(WHO, "How much did I pay for my electric bike?", None, "bike_new", actually="Bea"),
    ask(WHO, "When did Bea pass a kidney stone?", None, "kidney", actually="Dom"),
    ask(WHO, "How did Bea hurt her back?", None, "back", actually="Dom"),
    ask(WHO, "What is Bea building in her garage?", None, "canoe", actually="Dom"),
    ask(WHO, "When did Bea's dad have a heart attack?", None, "dad_heart", actually="Dom"),
    # never said
    ask(NONE, "What's Kenji's surname?", None),
    ask(NONE, "How much are tickets for the reunion show?", None),
    ask(NONE, "What's Eli's soccer coach called?", None),
    ask(NONE, "How much did Bea's turntable cost?", None),
    ask(NONE, "What's Wes's wife called?", None),
    ask(NONE, "Which airline did I fly to Osaka with?", None),
    ask(NONE, "What place did Lights and Sirens come in Hood to Coast?", None),
    ask(NONE, "What's Bea's taiko group called?", None),
    ask(NONE, "How much did Kenji spend on Bea's ring?", None),
    ask(NONE, "What did Bea get Eli for Christmas?", None),
]


build, main = generator(SCRIPT, PEOPLE, SEED, QUESTIONS, NOW, OUT)

if __name__ == "__main__":
    main()
