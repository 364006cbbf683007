using AlliancePositions.Core.Actors;

namespace AlliancePositions.Generator;

/// <summary>The fixed word lists a synthetic corpus is drawn from: countries, blocs, topics, questions, names, phrases.</summary>
internal static class SyntheticVocabulary
{
    public sealed record CountrySpec(string Code, string Name, OfficeKind Leading, string Title, string? NatoFrom, string? EuFrom, string? EuTo = null);

    public static readonly CountrySpec[] Countries =
    [
        new("US", "United States", OfficeKind.HeadOfState, "President", "1949-04-04", null),
        new("GB", "United Kingdom", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", "1973-01-01", "2020-02-01"),
        new("FR", "France", OfficeKind.HeadOfState, "President", "1949-04-04", "1958-01-01"),
        new("DE", "Germany", OfficeKind.HeadOfGovernment, "Federal Chancellor", "1955-05-06", "1958-01-01"),
        new("IT", "Italy", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", "1958-01-01"),
        new("ES", "Spain", OfficeKind.HeadOfGovernment, "Prime Minister", "1982-05-30", "1986-01-01"),
        new("PL", "Poland", OfficeKind.HeadOfGovernment, "Prime Minister", "1999-03-12", "2004-05-01"),
        new("NL", "Netherlands", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", "1958-01-01"),
        new("BE", "Belgium", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", "1958-01-01"),
        new("DK", "Denmark", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", "1973-01-01"),
        new("NO", "Norway", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", null),
        new("SE", "Sweden", OfficeKind.HeadOfGovernment, "Prime Minister", "2024-03-07", "1995-01-01"),
        new("FI", "Finland", OfficeKind.HeadOfState, "President", "2023-04-04", "1995-01-01"),
        new("EE", "Estonia", OfficeKind.HeadOfGovernment, "Prime Minister", "2004-03-29", "2004-05-01"),
        new("LV", "Latvia", OfficeKind.HeadOfGovernment, "Prime Minister", "2004-03-29", "2004-05-01"),
        new("LT", "Lithuania", OfficeKind.HeadOfState, "President", "2004-03-29", "2004-05-01"),
        new("CZ", "Czechia", OfficeKind.HeadOfGovernment, "Prime Minister", "1999-03-12", "2004-05-01"),
        new("SK", "Slovakia", OfficeKind.HeadOfGovernment, "Prime Minister", "2004-03-29", "2004-05-01"),
        new("HU", "Hungary", OfficeKind.HeadOfGovernment, "Prime Minister", "1999-03-12", "2004-05-01"),
        new("RO", "Romania", OfficeKind.HeadOfState, "President", "2004-03-29", "2007-01-01"),
        new("BG", "Bulgaria", OfficeKind.HeadOfGovernment, "Prime Minister", "2004-03-29", "2007-01-01"),
        new("GR", "Greece", OfficeKind.HeadOfGovernment, "Prime Minister", "1952-02-18", "1981-01-01"),
        new("PT", "Portugal", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", "1986-01-01"),
        new("CA", "Canada", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", null),
        new("TR", "Türkiye", OfficeKind.HeadOfState, "President", "1952-02-18", null),
        new("HR", "Croatia", OfficeKind.HeadOfGovernment, "Prime Minister", "2009-04-01", "2013-07-01"),
        new("SI", "Slovenia", OfficeKind.HeadOfGovernment, "Prime Minister", "2004-03-29", "2004-05-01"),
        new("AT", "Austria", OfficeKind.HeadOfGovernment, "Federal Chancellor", null, "1995-01-01"),
        new("IE", "Ireland", OfficeKind.HeadOfGovernment, "Taoiseach", null, "1973-01-01"),
        new("LU", "Luxembourg", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", "1958-01-01"),
        new("IS", "Iceland", OfficeKind.HeadOfGovernment, "Prime Minister", "1949-04-04", null),
        new("AL", "Albania", OfficeKind.HeadOfGovernment, "Prime Minister", "2009-04-01", null),
        new("ME", "Montenegro", OfficeKind.HeadOfGovernment, "Prime Minister", "2017-06-05", null),
        new("MK", "North Macedonia", OfficeKind.HeadOfGovernment, "Prime Minister", "2020-03-27", null),
        new("JP", "Japan", OfficeKind.HeadOfGovernment, "Prime Minister", null, null),
        new("AU", "Australia", OfficeKind.HeadOfGovernment, "Prime Minister", null, null),
        new("UA", "Ukraine", OfficeKind.HeadOfState, "President", null, null),
        new("MD", "Moldova", OfficeKind.HeadOfState, "President", null, null),
        new("RU", "Russia", OfficeKind.HeadOfState, "President", null, null),
        new("CN", "China", OfficeKind.HeadOfState, "President", null, null),
    ];

    /// <summary>Topic slug, name, parent slug (null for a root).</summary>
    public static readonly (string Slug, string Name, string? Parent)[] Topics =
    [
        ("escalation", "Escalation", null),
        ("troop-deployment", "Troop deployment", "escalation"),
        ("training-missions", "Training missions", "escalation"),
        ("nato-involvement", "NATO involvement", "escalation"),
        ("air-defence", "Air defence", "escalation"),
        ("long-range-strikes", "Long-range strikes", "escalation"),
        ("nuclear-signalling", "Nuclear signalling", "escalation"),
        ("support", "Support for Ukraine", null),
        ("military-aid", "Military aid", "support"),
        ("financial-aid", "Financial aid", "support"),
        ("sanctions", "Sanctions", "support"),
        ("reconstruction", "Reconstruction", "support"),
        ("diplomacy", "Diplomacy", null),
        ("negotiations", "Negotiations", "diplomacy"),
        ("ceasefire", "Ceasefire", "diplomacy"),
        ("security-guarantees", "Security guarantees", "diplomacy"),
        ("accession", "Accession", "diplomacy"),
    ];

    /// <summary>Question slug, topic slug, title, what -2 means, what +2 means, and the object phrase used in text.</summary>
    public static readonly (string Slug, string Topic, string Title, string Minus, string Plus, string Object)[] Questions =
    [
        ("troop-deployment", "troop-deployment", "Send Western troops to Ukraine?", "Rules out sending troops", "Calls for sending troops", "Western troops"),
        ("training-in-ukraine", "training-missions", "Train Ukrainian forces inside Ukraine?", "Rules out trainers in Ukraine", "Calls for trainers in Ukraine", "military trainers"),
        ("nato-involvement", "nato-involvement", "Involve NATO as an alliance?", "Keeps NATO out", "Calls for NATO to act", "an alliance role"),
        ("air-defence", "air-defence", "Supply more air defence?", "Opposes more air defence", "Calls for more air defence", "air defence systems"),
        ("long-range-strikes", "long-range-strikes", "Allow strikes deep into Russia?", "Forbids deep strikes", "Allows deep strikes", "long-range missiles"),
        ("nuclear-risk", "nuclear-signalling", "Take nuclear threats as a limit?", "Treats threats as a hard limit", "Dismisses the threats", "the nuclear threats"),
        ("fighter-jets", "military-aid", "Supply fighter jets?", "Rules out jets", "Calls for jets", "fighter jets"),
        ("tanks", "military-aid", "Supply main battle tanks?", "Rules out tanks", "Calls for tanks", "battle tanks"),
        ("intensify-support", "military-aid", "Intensify military support?", "Calls to scale support down", "Calls to intensify support", "military support"),
        ("financial-aid", "financial-aid", "Increase financial aid?", "Calls to cut aid", "Calls for more aid", "budget support"),
        ("frozen-assets", "financial-aid", "Use frozen Russian assets?", "Refuses to touch the assets", "Calls to seize the assets", "the frozen assets"),
        ("energy-sanctions", "sanctions", "Sanction Russian energy?", "Opposes energy sanctions", "Calls for an energy embargo", "energy sanctions"),
        ("secondary-sanctions", "sanctions", "Impose secondary sanctions?", "Opposes secondary sanctions", "Calls for secondary sanctions", "secondary sanctions"),
        ("reconstruction-fund", "reconstruction", "Fund reconstruction now?", "Defers reconstruction", "Calls to fund it now", "a reconstruction fund"),
        ("negotiate-now", "negotiations", "Negotiate with Russia now?", "Rules out talks now", "Calls for talks now", "peace talks"),
        ("ceasefire-lines", "ceasefire", "Accept a ceasefire on current lines?", "Rejects a frozen front", "Accepts current lines", "a ceasefire"),
        ("security-guarantees", "security-guarantees", "Give Ukraine security guarantees?", "Rules out guarantees", "Calls for guarantees", "security guarantees"),
        ("nato-membership", "accession", "Admit Ukraine to NATO?", "Rules out membership", "Calls for membership", "NATO membership"),
        ("eu-membership", "accession", "Admit Ukraine to the EU?", "Rules out EU accession", "Calls for fast accession", "EU accession"),
        ("peacekeepers", "troop-deployment", "Deploy peacekeepers after a ceasefire?", "Rules out peacekeepers", "Offers peacekeepers", "peacekeepers"),
    ];

    public static readonly string[] FirstNames =
    [
        "Anna", "Jens", "Olaf", "Mark", "Emmanuel", "Giorgia", "Pedro", "Donald", "Ursula", "Kaja", "Hanno", "Gitanas", "Petr",
        "Robert", "Viktor", "Klaus", "Kyriakos", "Luís", "Justin", "Recep", "Andrej", "Karl", "Leo", "Xavier", "Edi", "Fumio",
        "Anthony", "Volodymyr", "Maia", "Sergei", "Radosław", "Annalena", "Boris", "Mette", "Jonas", "Sanna", "Ingrida", "Evika",
        "Zuzana", "Ana", "Dmytro", "Lloyd", "Ben", "Catherine", "Josep", "Antonio", "Jürgen", "Søren", "Ulf", "Gabrielius",
    ];

    public static readonly string[] LastNames =
    [
        "Kowalski", "Stoltenberg", "Rutte", "Meloni", "Sánchez", "Tusk", "Leyen", "Kallas", "Pevkur", "Nausėda", "Fiala", "Fico",
        "Orbán", "Iohannis", "Mitsotakis", "Montenegro", "Trudeau", "Erdoğan", "Plenković", "Golob", "Nehammer", "Varadkar",
        "Bettel", "Rama", "Kishida", "Albanese", "Zelenskyy", "Sandu", "Lavrov", "Sikorski", "Baerbock", "Pistorius", "Frederiksen",
        "Støre", "Kristersson", "Marin", "Šimonytė", "Siliņa", "Čaputová", "Kuleba", "Austin", "Wallace", "Colonna", "Borrell",
        "Costa", "Müller", "Hansen", "Novak", "Horváth", "Popescu",
    ];

    /// <summary>
    /// One hundred distinct search terms, one per summary: each matches about 1% of the statements, which is what the
    /// statement-filter benchmark searches for.
    /// </summary>
    public static readonly string[] Terms =
    [
        "Avdiivka", "Bakhmut", "Kherson", "Kharkiv", "Zaporizhzhia", "Odesa", "Mykolaiv", "Donetsk", "Luhansk", "Crimea",
        "Sevastopol", "Mariupol", "Izium", "Kupiansk", "Pokrovsk", "Vuhledar", "Robotyne", "Tokmak", "Melitopol", "Berdiansk",
        "Dnipro", "Poltava", "Sumy", "Chernihiv", "Lviv", "Rivne", "Lutsk", "Uzhhorod", "Vinnytsia", "Zhytomyr",
        "Kramatorsk", "Sloviansk", "Lyman", "Siversk", "Toretsk", "Kurakhove", "Marinka", "Soledar", "Chasiv", "Kostiantynivka",
        "Patriot", "IRIS", "NASAMS", "HIMARS", "ATACMS", "Storm", "Taurus", "SCALP", "Leopard", "Abrams",
        "Challenger", "Bradley", "Marder", "Gepard", "Caesar", "Archer", "Krab", "Bohdana", "Piorun", "Stinger",
        "Javelin", "NLAW", "Bayraktar", "Shahed", "Kinzhal", "Iskander", "Kalibr", "Oniks", "Lancet", "Orlan",
        "Ramstein", "Vilnius", "Washington", "Madrid", "Brussels", "Wiesbaden", "Rzeszow", "Constanta", "Narva", "Suwalki",
        "Kaliningrad", "Belgorod", "Kursk", "Bryansk", "Rostov", "Novorossiysk", "Engels", "Morozovsk", "Saky", "Dzhankoi",
        "Kerch", "Chornobaivka", "Antonivsky", "Nova", "Kakhovka", "Enerhodar", "Pivdenne", "Snake", "Azovstal", "Hostomel",
    ];

    public static readonly string[] Verbs = ["ruled out", "called for", "hesitated over", "welcomed", "warned against", "pressed allies on", "signalled openness to", "questioned"];

    public static readonly string[] Fillers =
    [
        "Officials spoke on condition of anonymity.",
        "The remarks came after a week of intense diplomacy.",
        "Allies have been divided on the question for months.",
        "The ministry declined to comment further.",
        "Analysts said the wording was carefully chosen.",
        "Moscow reacted swiftly to the statement.",
        "Kyiv welcomed any step that strengthens its defence.",
        "The debate is expected to continue at the next summit.",
        "Reporters pressed for details that were not given.",
        "The statement was later published in full.",
    ];

    public static readonly (string Slug, string Name)[] Outlets =
    [
        ("wire-east", "Wire East"), ("capital-gazette", "Capital Gazette"), ("defence-daily", "Defence Daily"), ("alliance-review", "Alliance Review"),
        ("baltic-times", "Baltic Monitor"), ("rhine-post", "Rhine Post"), ("seine-journal", "Seine Journal"), ("atlantic-wire", "Atlantic Wire"),
        ("kyiv-ledger", "Kyiv Ledger"), ("danube-news", "Danube News"), ("nordic-bulletin", "Nordic Bulletin"), ("iberian-herald", "Iberian Herald"),
        ("state-tv-digest", "State TV Digest"), ("channel-rumours", "Channel Rumours"), ("policy-brief", "Policy Brief"), ("world-desk", "World Desk"),
        ("morning-dispatch", "Morning Dispatch"), ("evening-standard-x", "Evening Courier"), ("frontline-blog", "Frontline Blog"), ("press-office", "Press Office Releases"),
    ];
}
