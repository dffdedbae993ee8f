/*
 * Privacy guard scanner.  Structured data (numbers, e-mail, IBAN, postcodes,
 * streets, birth dates, patient numbers, rooms) is found with a few PCRE2
 * patterns compiled once with JIT; names and medical words with one token
 * pass over embedded word lists held in a single hash table.  Findings from
 * both are merged, overlaps are settled by type priority, and the verdict
 * follows from the policy.
 *
 * False alarms switch a guard off, so every detector prefers context over
 * shape: checksums for BSN and IBAN, a birth keyword for dates, a label for
 * patient numbers, a person in the same sentence for medical words.  Data that
 * is most likely public (an organisation's info@ address, a venue's street, a
 * staff member signing a post) is reported with confidence below
 * SCAN_COUNT_CONF: shown as a hint, but it does not change the verdict.
 */
#include "scan/scan.h"
#include "scan/scan_model.h"

#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "base/embed.h"
#include "base/err.h"
#include "base/mem.h"

/* Findings below this confidence are hints: reported, but verdict-neutral. */
#define SCAN_COUNT_CONF 0.5
/* Health tied to a name or room in the sentence carries this confidence, and blocks. */
#define HEALTH_LINKED_CONF 0.85

/* ---------------------------------------------------------------- words */

enum {
	W_FIRST = 1 << 0,    /* first name */
	W_SUR = 1 << 1,      /* surname (without prefix) */
	W_AMBIG = 1 << 2,    /* name that is also an ordinary word */
	W_MED = 1 << 3,      /* medical term (full entry) */
	W_MEDHEAD = 1 << 4,  /* first word of a multi-word medical term */
	W_TITLE = 1 << 5,    /* mevrouw, dhr., oma */
	W_PREFIX = 1 << 6,   /* van, de, ter: surname prefixes */
	W_NONAME = 1 << 7,   /* months, days, places, eponyms: never a name alone */
	W_ORG = 1 << 8,      /* ziekenhuis, centrum: a "name" before it is an organisation */
	W_ROLE = 1 << 9,     /* collega, huisarts: the name after it is staff/public */
	W_GREET = 1 << 10,   /* groet, liefs: a name after it signs the post */
	W_PRONOUN = 1 << 11, /* hij, zij: the sentence continues about a person */
	W_NAMEVERB = 1 << 12,/* heet, genaamd: the next capitalised word is a name */
	W_ABBR = 1 << 13,    /* a full stop after it does not end a sentence */
	W_PUBLIC = 1 << 14,  /* a public figure: their name is not client data */
	W_DEPT = 1 << 15,    /* receptie, secretariaat: "Lisa van het secretariaat" is staff */
	W_FAMILY = 1 << 16,  /* moeder, zoon: "mijn moeder" is a specific person */
	W_POSS = 1 << 17,    /* mijn, haar */
	W_IKVERB = 1 << 18,  /* heb, ben: "ik heb" makes the writer the person */
	W_STREETHEAD = 1 << 19, /* Laan, Burgemeester: "Laan van Meerdervoort 52" */
	W_PLABEL = 1 << 20,  /* patiëntnummer, BIG: where the patient-number pattern may start */
	W_RLABEL = 1 << 21,  /* kamer, bed: where the room pattern may start */
	W_PUBCTX = 1 << 22,  /* lezing, boek: names in such a sentence are speakers or authors */
	W_PROPER = 1 << 23,  /* capitalised in Dutch (a name or a place), from wdutch: build/propernames.txt */
	W_VITAL = 1 << 24,   /* sat, RR, Hb: a measurement label, health with its number */
	W_PET = 1 << 25,     /* hond, kat: the name after it is a pet's */
	W_LEX = 1 << 26,     /* an everyday Dutch word (not as a name), from frogdata: build/freq_nl.txt */
	W_ENFN = 1 << 27,    /* the, and, with: a short English function word (english_sent) */
	W_NLFN = 1 << 28,    /* de, het, een: a short Dutch function word (english_sent) */
	/* bits 29-31: with W_MEDHEAD, at most how many words its terms have
	 * (the OR of their counts: an upper bound) */
};
#define W_MEDLEN_SHIFT 29
#define W_MEDLEN(f) (((f) >> W_MEDLEN_SHIFT) & 7u)

/* The confidence of a name the rules judged staff ("teamleider Anna"): a
 * hint, told apart from a public figure's 0.4 (demote_staff_again). */
#define STAFF_CONF 0.35

struct word {
	const char *s;
	uint32_t len;
	uint32_t flags;
};

struct wtab {
	struct word *v;
	size_t mask, n;
};

/* A word with its length, for lists compared by memcmp */
struct lit {
	const char *s;
	size_t n;
};
#define LIT(x) {x, sizeof x - 1}

/*
 * A word list the rules ask about for many tokens, read as a set: in_list
 * walks its list entry by entry, which for a long list costs more than
 * hashing the lowered token once.  The list stays where its rule reads it
 * (lower case, NULL-terminated); init_run hashes each set (wset_build).
 */
struct wset {
	const char *const *v;
	struct wtab t;
};
#define WSET(list) {list, {NULL, 0, 0}}
static struct wset late_set, animal_set, being_set, age_after_set, age_not_set, care_room_set;

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* The word tables' hash, eight bytes at a time: the tokenizer looks up
 * every token, and FNV-1a's loop over the bytes (hash_bytes, which the
 * tagger's feature indices keep) was a twentieth of a typical post's scan. */
static uint64_t tab_hash(const char *s, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
	for (; n >= 8; s += 8, n -= 8) {
		uint64_t x;
		memcpy(&x, s, 8);
		h = (h ^ x) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	if (n) {
		uint64_t x = 0;
		for (size_t i = 0; i < n; i++)
			x |= (uint64_t)(unsigned char)s[i] << (8 * i);
		h = (h ^ x) * 0xff51afd7ed558ccdULL;
	}
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 29);
}

static struct word *wtab_find(const struct wtab *t, const char *s, size_t n)
{
	if (!t->v)
		return NULL;
	for (size_t i = tab_hash(s, n) & t->mask;; i = (i + 1) & t->mask) {
		struct word *w = &t->v[i];
		if (!w->s)
			return NULL;
		if (w->len == n && memcmp(w->s, s, n) == 0)
			return w;
	}
}

static void wtab_grow(struct wtab *t);

/* Keys must outlive the table: they point into the lists' lowered copies. */
static void wtab_add(struct wtab *t, const char *s, size_t n, uint32_t flags)
{
	if ((t->n + 1) * 2 > t->mask + 1)
		wtab_grow(t);
	for (size_t i = tab_hash(s, n) & t->mask;; i = (i + 1) & t->mask) {
		struct word *w = &t->v[i];
		if (!w->s) {
			w->s = s;
			w->len = (uint32_t)n;
			w->flags = flags;
			t->n++;
			return;
		}
		if (w->len == n && memcmp(w->s, s, n) == 0) {
			w->flags |= flags;
			return;
		}
	}
}

static void wtab_grow(struct wtab *t)
{
	struct wtab old = *t;
	size_t cap = old.v ? (old.mask + 1) * 2 : 1024;
	t->v = xcalloc(cap, sizeof *t->v);
	t->mask = cap - 1;
	t->n = 0;
	for (size_t i = 0; old.v && i <= old.mask; i++)
		if (old.v[i].s)
			wtab_add(t, old.v[i].s, old.v[i].len, old.v[i].flags);
	free(old.v);
}

static void wset_build(struct wset *s)
{
	for (const char *const *w = s->v; *w; w++)
		wtab_add(&s->t, *w, strlen(*w), 1);
}

/*
 * Lower-case ASCII and the Latin-1 capitals (U+00C0..U+00DE) of UTF-8, a
 * byte for a byte: eight at a time where all eight are ASCII (then
 * 'A'..'Z' are found with two adds, no branch).  The tokenizer lowers a
 * whole text with it once (c->lt); the rules read their words there.
 */
static size_t lower_utf8(const char *s, size_t n, char *out)
{
	const uint64_t hi = 0x8080808080808080ULL;
	size_t i = 0;
	while (i < n) {
		if (i + 8 <= n) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (!(x & hi)) {
				/* the high bit of b + 0x3f is b >= 'A', of b + 0x25 b > 'Z' */
				uint64_t up = ((x + 0x3f3f3f3f3f3f3f3fULL) ^ (x + 0x2525252525252525ULL)) & hi;
				x |= up >> 2;
				memcpy(out + i, &x, 8);
				i += 8;
				continue;
			}
		}
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c + 32);
		} else if (c == 0xC3 && i + 1 < n) {
			unsigned char d = (unsigned char)s[i + 1];
			if (d >= 0x80 && d <= 0x9E && d != 0x97) /* not the multiplication sign */
				d = (unsigned char)(d + 0x20);
			out[i] = (char)c;
			out[i + 1] = (char)d;
			i += 2;
			continue;
		}
		out[i++] = (char)c;
	}
	return n;
}

/* Grammar words live here, not in lists/: they are part of the method. */
static const char *const titles[] = {
	"mevrouw", "mevr", "mw", "mevr.", "meneer", "mnr", "dhr", "heer", "juffrouw",
	"zuster", "broeder", "opa", "oma", "tante", "oom", "mr", "mrs", "ms", "miss",
	"mister", "madam", "sir", "mx", "bewoner", "bewoonster", "cliënt", "cliënte",
	"patiënt", "patiënte", "client", "patient", "resident", "familie", "ome", "omi", "opi",
	"beppe", "pake", "ibu", "bapak", "pak", "bu", "tanta", "nonna", "nonno", "baba", "mama",
	"papa", "kraamvrouw",
	/* wave 13: family words that lead a name in Frisian, Surinamese, Moluccan,
	 * Flemish, Turkish, Polish and English ("omke Wytse", "bung Otis", "nona Wattimena") */
	"omke", "muoike", "omoe", "opoe", "tantie", "nonkel", "nona", "bung", "teyze", "amca", "abla",
	"babcia", "ciocia", "wujek", "auntie", "uncle", NULL};
static const char *const prefixes[] = {
	"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "la", "le", "el",
	"al", "du", "da", "di", "von", "vander", "in", "op", "'s", "ben", "bin", "bint",
	"ould", "d'", "dos", "das", "del", "della", "uit", "tot", NULL};
/* The Dutch months, written out (event_date, scan_ages, scan_staff_health,
 * date_or_time_ends). */
static const char *const months_nl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december", NULL};

static const char *const nonames[] = {
	/* wave 6: measurement labels in care notes ("Mw. Said HbA1c 64") */
	"hba", "hb", "crp", "bmi", "nrs", "inr", "egfr", "sat",
	"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december", "maandag", "dinsdag",
	"woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "pasen", "kerst",
	"kerstmis", "pinksteren", "god", "here", "jezus", "allah", "nederland",
	"holland", "amsterdam", "rotterdam", "utrecht", "haag", "eindhoven",
	"groningen", "tilburg", "almere", "breda", "nijmegen", "arnhem", "zwolle",
	"leiden", "maastricht", "delft", "alkmaar", "deventer", "enschede", "hengelo",
	"assen", "emmen", "venlo", "helmond", "apeldoorn", "amersfoort", "haarlem",
	"dordrecht", "gouda", "ede", "den", "twente", "friesland", "limburg",
	"brabant", "zeeland", "drenthe", "suriname", "marokko", "turkije",
	"indonesië", "parkinson", "alzheimer", "huntington", "crohn", "down",
	"korsakov", "hodgkin", "lyme", "asperger", "tourette", "bechterew",
	"graves", "cushing", "addison", "raynaud", "sjögren", "facebook", "twitter",
	"instagram", "linkedin", "whatsapp", "youtube", "tiktok", "google", "covid",
	"corona", "english", "nederlands", "engels", "gezondheid", "zorg",
	"welzijn", "kring", "hallo", "hoi", "beste", "lieve", "dag", "welkom",
	"bedankt", "dank", "fijne", "vandaag", "morgen", "gisteren", NULL};
static const char *const orgwords[] = {
	"ziekenhuis", "kliniek", "centrum", "medisch", "mc", "umc", "huis", "hof",
	"stichting", "zorg", "thuiszorg", "zorggroep", "school", "college",
	"hospice", "kinderziekenhuis", "fonds", "prijs", "instituut", "universiteit",
	"hogeschool", "praktijk", "apotheek", "gasthuis", "paviljoen", "kliniek",
	"lyceum", "stad", "park", "plein", "straat", "laan", "weg", "brug",
	"polder", "gemeente", "ggz", "ggd", "award", "lezing", "prize", "hospital", "hotel", "restaurant",
	"foundation", "street", "road", "zaal", "gebouw", "kerk", "moskee",
	"verpleeghuis", "zorgcentrum", "woonzorgcentrum", NULL};
static const char *const roles[] = {
	/* wave 13: a team introducing itself ("Mirjam (EVV), Dennis (helpende)") */
	"evv", "evv'er", "evver", "helpende", "stagiair", "stagiaire", "invalkracht", "zzp'er", "nachtwacht",
	"bbl'er", "pb'er", "teamcoach", "woonbegeleider", "persoonlijk",
	"collega", "collega's", "teamleider", "verpleegkundige", "begeleider",
	"begeleidster", "spreker", "dagvoorzitter", "auteur", "schrijver",
	"schrijfster", "minister", "staatssecretaris", "wethouder", "burgemeester",
	"directeur", "bestuurder", "voorzitter", "huisarts", "arts", "dokter",
	"specialist", "prof", "professor", "dr", "drs", "ir", "ing", "presentator",
	"presentatrice", "koning", "koningin", "prinses", "prins", "trainer",
	"docent", "onderzoeker", "hoogleraar", "lector", "fysiotherapeut",
	"ergotherapeut", "psycholoog", "psychiater", "geriater", "manager",
	"coördinator", "coach", "woordvoerder", "medewerker", "stagiair",
	/* after batch 36 */
	"gedeputeerde", "raadslid", "kamerlid", "statenlid", "gemeenteraadslid",
	"stagiaire", "vrijwilliger", "vrijwilligster", "ambassadeur", "zanger",
	"zangeres", "schrijver", "kunstenaar", "journalist", "blogger",
	"verzorgende", "wijkverpleegkundige", "praktijkondersteuner", "poh",
	"doktersassistente", "apotheker", "tandarts", "verloskundige",
	"dietist", "diëtist", "logopedist", "casemanager", "wijkcoach",
	"jongerenwerker", "ouderenadviseur", "consulent", "secretaris",
	/* wave 14: a school's and a youth centre's staff ("juf Carla", "Jongerenwerkers Mo en Kim") */
	"juf", "juffie", "meester", "leerkracht", "mentor", "mentrix", "ib'er", "conciërge", "jongerenwerkers",
	"pleegzorgbegeleider", "gezinsvoogd", "jeugdverpleegkundige", "schoolmaatschappelijk",
	"penningmeester", "nurse", "doctor", "speaker", "author", "colleague",
	"namens", "gastspreker", "gastheer", "gastvrouw", "communicatie", "communicatieadviseur",
	"marketing", "pr", "hr-adviseur", "recruiter", "redacteur", "webcare", "fotograaf",
	"cabaretier", "artiest", "muzikant", "acteur", "actrice",
	/* contact persons and public figures in the news */
	"aanspreekpunt", "contactpersoon", "contactpersonen", "voetballer", "voetbalster", "premier",
	"minister-president", "kamerlid", "oud-minister", "europarlementariër", "wielrenner",
	"schaatser", "schaatsster", "tennisser", "atleet", "zwemmer", "zwemster", "olympisch",
	"kampioen", "wereldkampioen", "bondscoach", "topman", "topvrouw", "ceo", "president", "paus",
	"rapper", "influencer", "youtuber", "componist", "dichter", "dichteres", "columnist",
	"filosoof", "historicus", "oprichter", "oprichtster", "initiatiefnemer", "teamleidster",
	"leidinggevende", "afdelingshoofd", "zorgmanager", "locatiemanager", "regiomanager",
	"beleidsmedewerker", "projectleider", "kwartiermaker", "opvolger", "dj",
	"footballer", "singer", "actor", "vertrouwenspersoon", "vertrouwensarts", "kok", "chauffeur",
	"conciërge", "huismeester", "schoonmaker", "schoonmaakster", "gastvrouw", "kapper", "kapster",
	"pedicure", "activiteitenbegeleider", "geestelijk", "pastor", "dominee", "imam", "pastoor",
	"klusjesman", "beheerder", "vrijwilligerscoördinator", "ict'er", "monteur", "receptioniste",
	"ombudsman", "klachtenfunctionaris", "functionaris",
	/* wave 15: "Bel planner Wendy", a practice's locum and successor */
	"planner", "zorgplanner", "roosteraar", "roostermaker", "roosterplanner", "waarnemer", "waarneemster",
	"opvolgster", "secretaresse", "receptionist", "praktijkmanager", "doktersassistent",
	/* after batch 27: "verpleegkundig specialist", "(huishoudelijke hulp)" */
	"verpleegkundig", "huishoudelijke", "huishoudelijk",
	/* after batch 28 */
	"architect", "aannemer", "kinderpsycholoog", "fysiotherapeuten",
	/* after batches 37 and 38: "boswachter Hein", "onze privacy officer Ahmed" */
	"boswachter", "officer", "ombudsvrouw", "kinderombudsman", "kinderombudsvrouw", "portier", "gids",
	"rondleider", "verteller", "voorlezer",
	/* after batches 39 and 40: "Achterwacht is Gerrie", "Haar vervanger Ilse Dekker" */
	"achterwacht", "vervanger", "vervangster", "invaller", "invalster", "waarnemend", NULL};
static const char *const depts[] = {
	"receptie", "secretariaat", "recruitment", "administratie", "planning",
	"communicatie", "team", "wijkteam", "hr", "personeelszaken", "directie",
	"redactie", "organisatie", "zorgbemiddeling", "klantenservice", "webcare",
	"cliëntenraad", "ondernemingsraad", "or", "praktijk", "apotheek", "balie",
	"facilitair", "keuken", "huisartsenpraktijk", "dagbesteding", "ict", "technische", "dienst",
	"huishouding", "schoonmaak", "beveiliging", "kapsalon", "klantcontact", "financiën",
	"salarisadministratie", "crisisdienst", "helpdesk", "servicedesk",
	/* after batch 27: "Later thuis? Bel de nachtdienst op 06-…" */
	"nachtdienst", "avonddienst", "dagdienst", "bereikbaarheidsdienst", "slaapdienst",
	/* wave 12: a notice's credits ("Foto's: Rachid El Idrissi") */
	"foto", "fotos", "foto's", "fotografie", "vormgeving", "illustraties", "eindredactie", "opmaak",
	/* wave 14: languages and greetings of other languages ("spreekt ook
	 * Tigrinya", "Wesołych Świąt", "Dzień dobry!") */
	"tigrinya", "amhaars", "tigre", "somalisch", "arabisch", "tamazight", "berbers", "farsi",
	"dari", "pashto", "koerdisch", "turks", "pools", "oekraïens", "russisch", "roemeens", "bulgaars",
	"papiaments", "sranantongo", "sranan", "mandarijn", "kantonees", "tagalog", "swahili", "twi",
	"hindi", "urdu", "punjabi", "bengaals", "tamil", "portugees", "spaans", "italiaans",
	"feliz", "navidad", "merry", "christmas", "wesołych", "świąt", "dzień", "dobry", "joyeux", "noël",
	"frohe", "weihnachten", "buon", "natale", "bayramınız", "mubarak", "kareem", "salaam", "shalom",
	"selamat", "gelukkig", "nieuwjaar", "zalig", "kerstfeest",
	/* after batch 40: "Geçmiş olsun" (get well), "İyi bayramlar" */
	"geçmiş", "olsun", "iyi", "bayramlar",
	/* wave 14: services and apps */
	"digid", "mijnoverheid", "zorgdomein", "mijngezondheid", "thuisarts",
	/* after batch 28: "Burg. Jansenlaan 14" */
	"burg", NULL};
static const char *const family[] = {
	"moeder", "vader", "ouders", "schoonmoeder", "schoonvader", "grootmoeder", "grootvader",
	"stiefmoeder", "stiefvader", "man", "vrouw", "zoon", "dochter", "opa", "oma", "broer",
	"zus", "zusje", "broertje", "partner", "kind", "kinderen", "baby", "buurman", "buurvrouw",
	"vriend", "vriendin", "oom", "tante", "neef", "nicht", "echtgenoot", "echtgenote",
	"mother", "father", "husband", "wife", "son", "daughter", "mum", "mom", "dad", "pa", "ma", "va", /* wave 15: "Oonze va" */
	"pap", "mam", "papa", "mama", "schoonzoon", "schoondochter", "kleinzoon", "kleindochter", "kleinkind", "pleegkind",
	"pleegzoon", "pleegdochter", "stiefzoon", "stiefdochter", "zwager", "schoonzus",
	"kleintje", "kindje", "zoontje", "dochtertje", "ventje", /* wave 11: "ons kleintje" */
	"jongste", "oudste", "middelste", /* wave 12: "mijn oudste", "de jongste (2)" */
	/* wave 14: in-laws, step- and half-family, "-lief", Flemish and Frisian
	 * ("Bompa (89)", "Heit leit yn it sikehûs", "Mem is 88 wurden") */
	"schoonpa", "schoonma", "schoonpapa", "schoonmama", "schoonouders", "schoonbroer", "schoonzuster",
	"grootouders", "halfbroer", "halfzus", "stiefbroer", "stiefzus", "tweelingzus", "tweelingbroer",
	/* after batch 43: "Wij hebben een tweeling van 3 maanden" */
	"tweeling", "drieling",
	"dochterlief", "zoonlief", "manlief", "vrouwlief", "moederlief", "vaderlief", "pleegmoeder",
	"pleegvader", "petekind", "peetkind", "nichtje", "neefje", "achterkleinkind", "kleinzoontje",
	"kleindochtertje", "bompa", "bomma", "moeke", "vake", "heit", "mem", "pake", "beppe", "omke",
	"muoike", "soan",
	/* wave 26 (batch 113): "my mother-in-law Agnes (85)" */
	"mother-in-law", "father-in-law", "sister-in-law", "brother-in-law", "son-in-law", "daughter-in-law",
	"stepmother", "stepfather", "stepson", "stepdaughter", "grandson", "granddaughter", NULL};
static const char *const possessives[] = {
	"mijn", "onze", "zijn", "haar", "m'n", "z'n", "my", "our", "his", "her",
	"ons", "mn", "zn", /* chat spellings: "ons kind", "mn moeder" */
	"oonze", "oos", "ozze", "mien", "mijnen", "us", NULL}; /* wave 15: dialects ("Oonze va", "mien mam") */
/* Short function words of English and Dutch, to tell an English sentence
 * (english_sent); "it", "as" and "a" are Frisian too. */
static const char *const en_fn[] = {"the", "and", "to", "of", "with", "this", "that", "for", "are", "be",
	"on", "you", "will", "can", "have", "has", "from", "by", "an", "or", "not", "if", "which",
	"your", "our", "was", "were", "should", "would", "there", "their", "when", "what", "all",
	"at", "is", "my", "we", "how", "about", "just", "new", "post", NULL};
static const char *const nl_fn[] = {"de", "het", "een", "en", "van", "in", "op", "met", "voor", "niet",
	"dat", "die", "ik", "je", "zijn", "er", "te", "aan", "ook", "naar", "maar", "om", "bij", "nog",
	"wel", "ze", "hij", "dan", "is", "we", "mijn", "heeft", "was", "wat", "hoe", "al", NULL};
static const char *const ikverbs[] = {
	"heb", "had", "ben", "was", "kreeg", "krijg", "gebruik", "slik", "lig", "have", "am",
	"take", "got", "zit", "voel", "word", "loop", "moet",
	"meld", /* wave 13: "Ik meld me ziek, buikgriep" */
	"lag", "word", "werd", "mag", "zat", "voelde", NULL}; /* after batch 27: "Ik lag in april ..." */
static const char *const streetheads[] = {
	"laan", "plein", "kade", "singel", "dijk", "weg", "gracht", "straat", "hof", "park",
	"markt", "dreef", "burgemeester", "generaal", "dokter", "prins", "prinses", "koningin",
	"koning", "graaf", "sint", "pastoor", "professor", "president", "admiraal", "oude",
	"nieuwe", "korte", "lange", "hoge", "lage", "kleine", "grote", "noorder", "zuider",
	"ooster", "wester", "van",
	/* foreign street words: "Rua das Flores 23", "Ulica Długa 12", "Rue Ibn Battouta 9" */
	"rua", "rue", "ulica", "ul", "calle", "avenida", "avenue", "via", "viale", "strada", "carrer",
	"boulevard", "chemin", "route", "allée", "sokak", "caddesi", "cadde", "sokağı", "mahallesi",
	"derb", "zanka", "chaussée", "steenweg",
	/* Dutch street heads before a preposition: "Achter de Hoven 31", "Weg naar Laren 14" */
	"achter", "over", "voor", "buiten", "binnen", "naar", "bij", "onder", NULL};
static const char *const plabels[] = {
	"patiëntnummer", "patientnummer", "patiëntnr", "patientnr", "patiënt", "patient",
	"patiënten", "patiëntennummer", "patiëntid", "patientid", "patiënt-nummer", "patient-nummer",
	"cliëntnummer", "clientnummer", "cliëntnr", "clientnr", "cliënt", "client", "cliënt-nummer",
	"client-nummer", "cliëntid", "clientid", "dossiernummer", "dossiernr", "dossier",
	"dossier-nummer", "registratienummer", "registratienr", "registratie", "zis", "zis-nummer",
	"zisnummer", "epd", "epd-nummer", "epdnummer", "mrn", "record", "medical", "hospital",
	"big", "big-nummer", "bignummer", "big-nr", "big-registratie", "big-registratienummer",
	"big-code", "agb", "agb-code", "agbcode", "agb-nummer", "verzekerdennummer",
	"verzekerden-nummer", "polisnummer", "polis-nummer", "zorgpas", "zorgpasnummer",
	"ziekenhuisnummer", "nummer", "epd-nr", "epdnr", "zis-nr", "polisnr", "polis-nr", "polis",
	"nhg", "nhg-nummer", "nhg-nr", "patnr", "pat.nr", "poli-nr", "polinummer", "polinr", "poli-nummer", "klantnummer", "klantnr", "klant-nummer", "klant",
	"relatienummer", "relatienr", "relatie", "his", "his-nummer", "his-nr", "ziekenhuisnr",
	"cliëntnr", "dossiernr", "bsn-nr", "zorgverzekeringsnummer", "verzekeringsnummer",
	"inschrijfnummer", "wmo-nummer", "cak-nummer", "pat", "wlz", "ciz", "wmo", "cak",
	"indicatienummer", "indicatienr", "zorgnummer", "zorgnr", "zorgdossier", "clientcode", "cliëntcode",
	"patiëntcode", "verzekerde", "verzekerdennr", "zorgid", "ecd", "zorgdossiernummer", "zorgdossiernr", "zorgplannummer", "nhs", "insurance",
	/* wave 6: admission, lab and pass numbers, and a hospital's own register ("UMCG-nr") */
	"opnamenummer", "opnamenr", "opname-nummer", "labnummer", "labnr", "inschrijfnr", "pasnummer",
	"pasnr", "umcg", "lumc", "amc", "vumc", "mumc", "umcu", "olvg", "radboudumc", "erasmusmc", "zgt",
	"mst", "nwz", "etz", "hmc",
	/* wave 11: "Dialysenr D-0881", "V-nummer …", "Kindnummer K-77812" (not a "zaaknummer": the town hall's too) */
	"dialysenr", "dialysenummer", "kindnummer", "kindnr", "v-nummer", "vnummer",
	"gza-nr", "gza-nummer", "gza",
	/* wave 13: "zorgverzekeringsnr ZV 55123098", "(cl.nr. 77120)" */
	"zorgverzekeringsnr", "verzekeringsnr", "cl", "clnr",
	/* wave 10: "PID 00412987", "Kraamdossier KZ-0719", "Bewonersnummer BW-0387" */
	"pid", "kraamdossier", "bewonersnummer", "bewonersnr", NULL};
static const char *const rlabels[] = {
	"kamer", "kamernummer", "kamernr", "kmr", "zaal", "bed", "bednummer", "bednr", "room", "appartement",
	"app", "box", "afdeling", "afd", "unit", "paviljoen", "vleugel", "ward", "etage",
	"verdieping", "woongroep", "groep", "studio", "chambre",
	"suite", "kraamsuite", "logeerkamer", "woonunit", "stoel", NULL}; /* wave 11 */
static const char *const pubctx[] = {
	"lezing", "workshop", "presentatie", "boek", "artikel", "interview", "column", "blog",
	"podcast", "webinar", "symposium", "congres", "keynote", "documentaire", "concert",
	"optreden", "tentoonstelling", "expositie", "voorstelling", "masterclass", "seminar",
	"conference", "lecture", "book", "article", "talk", "film", "roman", "gedicht", "lied",
	"liedjes", "nummers", "album", "schilderij", "schilderijen", "uitzending", "televisie",
	"radio", "krant", "tijdschrift", "kabinet", "minister", "partij", "debat", "theater",
	"cabaret", "trad", "treedt", "show", "festival", "premiere", "première", "museum", "toneelstuk",
	"toneel", "musical", "opera", "speelfilm", "serie",
	/* wave 11: the compounds a notice opens with */
	"boekentip", "leesclub", "boekenclub", "luisterboek", "filmavond", "filmmiddag", "filmtip",
	"boekpresentatie", "leesgroep", "boekbespreking", "bibliotheek",
	/* wave 13: "Net verschenen: 'Geen dag hetzelfde' van ..." */
	"verschenen", "leestip", "leeskast", "podcasttip", "debuut", NULL};
static const char *const greets[] = {
	"groet", "groeten", "groetjes", "gr", "liefs", "vriendelijke", "hartelijke",
	"regards", "cheers", "namens", "ondertekend", "grt", "dank", "bedankt", "best", NULL};
static const char *const pronouns[] = {
	"hij", "zij", "ze", "haar", "zijn", "hem", "he", "she", "his", "her",
	"meneer", "mevrouw", "u", "uw", NULL};
static const char *const nameverbs[] = {
	"heet", "heette", "genaamd", "named", "called", "noemen", "naam", "heten",
	/* round 21 (batch 143): "De deelnemers hebben ze namen gegeven: Sjoerd, Bertha en Kees" */
	"namen", NULL};
static const char *const vitals[] = {"sat", "saturatie", "spo", "rr", "tensie", "bloeddruk", "pols",
	"hartslag", "hf", "af", "temp", "temperatuur", "hb", "hba", "crp", "bmi", "nrs", "vas", "inr",
	"egfr", "bs", "leuco", "kalium", "natrium", "ademfrequentie", "gewicht", NULL};
static const char *const pets[] = {"hond", "hondje", "kat", "katje", "poes", "poesje", "kater",
	"konijn", "konijntje", "cavia", "hamster", "paard", "pony", "vogel", "parkiet", "papegaai",
	"kanarie", "geit", "schildpad", "puppy", "pup", "kitten", "knuffelhond", "geleidehond",
	"hulphond", "huisdier", "dog", "cat",
	/* after batch 27: "Therapiehond Bobbie", "de zorgboerderijkat" */
	"therapiehond", "assistentiehond", "blindengeleidehond", "buddyhond", "bezoekhond", "knuffelkat",
	"therapiepaard", "boerderijkat", "ezel", "ezeltje", "kip", "kippen", "schaap", "varken", "alpaca", "lama",
	"koe", "kalf",
	/* after batch 37: "twee goudvissen, Jan en Piet" */
	"goudvis", "goudvissen", "vis", "visje", "vissen", "honden", "katten", "konijnen", "cavia's", "poezen",
	"hondjes", "geiten", "ezels", "schapen", "alpaca's", "parkieten",
	/* wave 31 (batch 136): breeds ("Onze labrador Max is vandaag 10 geworden") */
	"labrador", "labradoodle", "retriever", "teckel", "tekkel", "dashond", "herdershond", "poedel", "beagle",
	"chihuahua", "collie", "spaniel", "husky", "bulldog", "stabij", "kooikerhondje", "schnauzer", "maltezer",
	"yorkshire", "mopshond", "rottweiler", "dalmatiër", "terriër", "whippet", "galgo", "podenco", "siamees", NULL};
static const char *const abbrs[] = {
	"mevr", "mw", "dhr", "mr", "mrs", "ms", "dr", "drs", "ir", "ing", "prof",
	"geb", "nr", "bijv", "ca", "o.a", "e.d", "enz", "etc", "tel", "st", "mnr",
	"jl", "a.s", "vs", "evt", "incl", "excl", "max", "min", "resp", "z.s.m",
	"kl", "afd", "gr", "grt", "app", "no", "kmr", "ul", "opnamenr", "inschrijfnr", NULL};

static struct wtab words;
static void model_load(void);
static void feat_init(void);
static void first_bytes_init(void);
/* Lowered copies of the lists; the word table points into them for the program's life. */
static char *list_mem[12];
static size_t nlist_mem;
/* Suffixes that make a compound medical ("borstkanker", "blaasontsteking"). */
static struct word medsuf[128];
static size_t nmedsuf;

static void add_static(const char *const *v, uint32_t flags)
{
	for (; *v; v++)
		wtab_add(&words, *v, strlen(*v), flags);
}

/*
 * Load one embedded list: one entry per line, '#' starts a comment, entries
 * are lowered so lookups need only lower the token.
 */
static int load_list_to(struct wtab *t, const char *name, uint32_t flags, bool suffixes);

static int load_list(const char *name, uint32_t flags, bool suffixes)
{
	return load_list_to(&words, name, flags, suffixes);
}

/* Wave 22: Dutch and Flemish places, regions and city districts
 * (src/scan/lists/places.txt), kept apart from the word table: its flags
 * are the tagger's features, and a place is read only after it. */
static struct wtab place_tab;

static bool place_word(const char *s, size_t n)
{
	char low[64];
	if (n > sizeof low)
		return false;
	lower_utf8(s, n, low);
	return wtab_find(&place_tab, low, n) != NULL;
}

static int load_list_to(struct wtab *t, const char *name, uint32_t flags, bool suffixes)
{
	const struct embed_file *f = embed_get(name);
	if (!f)
		return ERR_NOTFOUND;
	char *mem = xmalloc(f->len + 1);
	lower_utf8((const char *)f->data, f->len, mem);
	mem[f->len] = '\0';
	if (nlist_mem < sizeof list_mem / sizeof list_mem[0])
		list_mem[nlist_mem++] = mem;
	for (char *p = mem, *end = mem + f->len; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *e = nl ? nl : end;
		char *hash = memchr(p, '#', (size_t)(e - p));
		char *q = hash ? hash : e;
		while (q > p && (q[-1] == ' ' || q[-1] == '\t' || q[-1] == '\r'))
			q--;
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		if (q > p) {
			size_t n = (size_t)(q - p);
			if (suffixes) {
				if (nmedsuf < sizeof medsuf / sizeof medsuf[0])
					medsuf[nmedsuf++] = (struct word){p, (uint32_t)n, W_MED};
			} else {
				wtab_add(t, p, n, flags);
				char *sp = memchr(p, ' ', n);
				if (sp && (flags & W_MED)) {
					uint32_t nw = 1;
					for (size_t b = 0; b < n; b++)
						nw += p[b] == ' ';
					wtab_add(&words, p, (size_t)(sp - p), W_MEDHEAD | ((nw < 7 ? nw : 7) << W_MEDLEN_SHIFT));
				}
			}
		}
		p = e + 1;
	}
	return 0;
}

/*
 * Everyday Dutch words: those build/freq_nl.txt (tools/freqlist.py, from
 * Frog's lexicon; uses as part of a name not counted) saw at least LEX_MIN
 * times in its 11 million words — about 15,000.  The taggers weigh a
 * capitalised word that is neither a listed name nor an everyday word
 * ("Lowietje", "Shurendy") differently from one that is ("Morgen").  The
 * list is lowercase and sorted: its lines are the keys, no copy.
 */
#define LEX_MIN 20
static void load_lex(void)
{
	const struct embed_file *f = embed_get("build/freq_nl.txt");
	if (!f)
		return;
	const char *p = (const char *)f->data, *end = p + f->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *sp = *p == '#' ? NULL : memchr(p, ' ', (size_t)(le - p));
		if (sp && sp > p && strtol(sp + 1, NULL, 10) >= LEX_MIN && sp - p < 64)
			wtab_add(&words, p, (size_t)(sp - p), W_LEX);
		p = le + 1;
	}
}

/* ------------------------------------------------------------- patterns */

enum pat {
	P_NUMBER, P_POSTCODE, P_PATIENT, P_ROOM, P_DATE, P_NPAT
};

#define MONTHS_NL "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec"
#define MONTHS_EN "january|february|march|may|june|july|august|october|oct"
/* Starts on a digit or a capitalised English month, so PCRE2 can skip ahead fast. */
/* after batch 49, the year's apostrophe too: "geboren 3-11-'42" */
#define DATE_RE "(?:[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:(?:19|20)?|'|\xE2\x80\x99)[0-9]{2}(?![0-9])" \
	"|(?:19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}" \
	"|[0-9]{1,2}(?:e|ste|de|st|nd|rd|th)?\\s+(?i:" MONTHS_NL "|" MONTHS_EN ")\\.?(?:\\s+(?:19|20)[0-9]{2})?" \
	"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)[0-9]{2})(?![\\p{L}0-9])"

static const char *const pat_src[P_NPAT] = {
	/* separators: space . / - and the en dash a phone's autocorrect makes ("06 – 48 22") */
	[P_NUMBER] = "(?:\\+|\\([0-9]{1,4}\\)|[0-9])(?:(?:[ ./-]|\xE2\x80\x93){0,3}(?:\\([0-9]{1,4}\\)|[0-9])){6,18}(?![\\w@])",
	[P_POSTCODE] = "(?<![\\p{L}0-9])[1-9][0-9]{3}(?: ?[A-Z]{2}|[a-z]{2}|(?: [a-z]{2}(?= \\p{Lu}\\p{Ll})))(?![\\p{L}0-9])",
	/* A label grammar: a head (who or what is numbered) with an optional
	 * number word ("patiënt-ID", "WLZ-nummer", "verzekerde nr.", "Clientcode",
	 * "pat.nr"), or a register that is a label on its own (EPD, ZIS, MRN, CIZ);
	 * then within 60 characters the number, letters in front allowed ("CL-20931"). */
	[P_PATIENT] = "(?i)\\b(?:\\p{L}{2,6}-)?(?:(?:pati[eë]nt(?:en)?|pat|cli[eë]nt|(?:zorg|kraam)?dossier|registratie|zis|epd|his|klant|relatie"
		"|bewoners|ggz|jgz|kraam"
		"|verzekerden?|polis|zorgpas|ziekenhuis|(?:zorg)?verzekerings|inschrijf|wmo|wlz|cak|ciz|indicatie|zorg|nhg|agb|big"
		"|zorgverzekeraar|verzekeraar|ecd|zorgplan|opname|lab|pas|umcg|lumc|amc|vumc|mumc|umcu|olvg|radboudumc"
		"|erasmusmc|zgt|mst|nwz|etz|hmc"
		"|dialyse|kind|gza|v|cl|poli)"
		"(?:[ .-]?(?:nummer|nr\\.?|no\\.?|id|code|registratie(?:nummer)?)|\\s?#)"
		"|(?:wlz|wmo|ciz)[ -]?indicatie|mrn|pid|epd|zis|ciz|nhg|agb|big|zorgpas|(?:zorg|kraam)?dossier"
		"|(?:medical\\s+)?record\\s+(?:number|no\\.?|nr\\.?)|(?:patient|client|hospital|insurance|nhs)\\s+(?:number|no\\.?|id)"
		"|nummer\\s+van\\s+(?:de\\s+)?(?:patiënt|cliënt))"
		"(?:[^0-9\\n.!?]|(?<=dhr|mw|mevr|dr|nr)\\.){0,60}?((?:[0-9]{2,4}-(?-i:[A-Z]{2,4})-[0-9]{3,8}|(?-i:[A-Z]{1,3})[-/]?[0-9]{3}|(?:(?-i:[A-Z]{1,3})[-/ ]?)?[0-9][0-9. /-]{2,14}[0-9]))(?![0-9])",
	[P_ROOM] = "(?i)\\b(?:(?:afdeling|afd\\.|unit|paviljoen|vleugel|ward|etage|verdieping|woongroep|groep)\\s+[a-z0-9][\\p{L}0-9-]{0,12},?\\s+)?"
		"(?:kamer|kamernummer|kamernr\\.?|kmr\\.?|zaal|unit|bed|bednummer|bednr\\.?|room|appartement|app\\.|box|studio|chambre|suite|kraamsuite|logeerkamer|woonunit|stoel)\\s*(?:nr\\.?\\s*|nummer\\s*|no\\.?\\s*|#\\s*)?:?\\s*"
		"([0-9]{1,2}[a-z]?-[0-9]{2}(?![0-9])|[a-z]{1,2}[-.]?[0-9]{1,4}[a-z]?|[0-9]{1,4}[a-z]?|[0-9]{1,2}\\.[0-9]{2}(?![0-9]))(?![\\p{L}0-9])(?![.,][0-9])"
		"(?!\\s*(?:minuten|min\\b|uur|jaar|keer|dagen|weken|maanden|persoons|personen|pers\\b|cm\\b|meter|m\\b|euro|x\\b|%|procent|stuks|kilo|kg|bedden|kamers|plaatsen|à|a\\b|-\\s*[0-9]|van\\s+(?-i:[A-Z])\\p{L}*(?:centrum|huis|praktijk|kliniek)\\b|van\\s+(?:het|de)\\s+(?:gemeentehuis|stadhuis|kantoor|hoofdgebouw|gebouw|bibliotheek|wijkcentrum|buurthuis|school|hotel|pension|hostel|congrescentrum|vakantiepark)))",
	[P_DATE] = DATE_RE,
};

static pcre2_code *pats[P_NPAT];
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_rc;

static void num_tab_init(void);

static void init_run(void)
{
	feat_init();
	first_bytes_init();
	num_tab_init();
	for (int i = 0; i < P_NPAT; i++) {
		int ec;
		PCRE2_SIZE eo;
		/* All anchored: the label-led patterns are tried only at label tokens,
		 * the others by next_match only where may_start says they can start. */
		pats[i] = pcre2_compile((PCRE2_SPTR)pat_src[i], PCRE2_ZERO_TERMINATED,
		                        PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP | PCRE2_ANCHORED, &ec, &eo,
		                        NULL);
		if (!pats[i]) {
			init_rc = ERR_INVAL;
			return;
		}
		/* JIT failure only costs speed: pcre2_match falls back to the interpreter. */
		pcre2_jit_compile(pats[i], PCRE2_JIT_COMPLETE);
	}
	add_static(titles, W_TITLE);
	add_static(prefixes, W_PREFIX);
	add_static(nonames, W_NONAME);
	add_static(orgwords, W_ORG);
	add_static(roles, W_ROLE);
	add_static(greets, W_GREET);
	add_static(depts, W_DEPT);
	add_static(family, W_FAMILY);
	add_static(possessives, W_POSS);
	add_static(ikverbs, W_IKVERB);
	add_static(streetheads, W_STREETHEAD);
	add_static(plabels, W_PLABEL);
	add_static(rlabels, W_RLABEL);
	add_static(pubctx, W_PUBCTX);
	add_static(pronouns, W_PRONOUN);
	add_static(nameverbs, W_NAMEVERB);
	add_static(abbrs, W_ABBR);
	add_static(vitals, W_VITAL);
	add_static(pets, W_PET);
	add_static(en_fn, W_ENFN);
	add_static(nl_fn, W_NLFN);
	wset_build(&late_set);
	wset_build(&animal_set);
	wset_build(&being_set);
	wset_build(&age_after_set);
	wset_build(&age_not_set);
	wset_build(&care_room_set);
	int rc = 0;
	rc |= load_list("src/scan/lists/firstnames.txt", W_FIRST, false);
	rc |= load_list("src/scan/lists/surnames.txt", W_SUR, false);
	rc |= load_list("src/scan/lists/ambiguous.txt", W_AMBIG, false);
	rc |= load_list("src/scan/lists/medical.txt", W_MED, false);
	rc |= load_list("src/scan/lists/medicines.txt", W_MED, false);
	rc |= load_list("src/scan/lists/medical_suffixes.txt", 0, true);
	rc |= load_list("src/scan/lists/public.txt", W_PUBLIC, false);
	(void)load_list_to(&place_tab, "src/scan/lists/places.txt", 0, false);
	if (rc)
		init_rc = ERR_NOTFOUND;
	/* generated at build time from Debian's wdutch; a build without it has no such flag */
	(void)load_list("build/propernames.txt", W_PROPER, false);
	load_lex();
	model_load();
}

int scan_init(void)
{
	pthread_once(&init_once, init_run);
	return init_rc;
}

/* ------------------------------------------------------------- checksums */

bool scan_elfproef(const char *digits, size_t n)
{
	if (n != 8 && n != 9)
		return false;
	int d[9], k = 0, nonzero = 0;
	if (n == 8)
		d[k++] = 0;
	for (size_t i = 0; i < n; i++) {
		if (digits[i] < '0' || digits[i] > '9')
			return false;
		d[k] = digits[i] - '0';
		nonzero |= d[k];
		k++;
	}
	if (!nonzero)
		return false;
	int sum = 0;
	for (int i = 0; i < 8; i++)
		sum += (9 - i) * d[i];
	sum -= d[8];
	return sum % 11 == 0;
}

static int alnum_val(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return -1;
}

/* Registered IBAN lengths (the SWIFT registry).  A code not in it is no
 * IBAN: "mw87 …" followed by words can pass mod 97 by chance (1 in 97). */
static int iban_country_len(char a, char b)
{
	static const struct { char cc[3]; int len; } tab[] = {
		{"NL", 18}, {"BE", 16}, {"DE", 22}, {"FR", 27}, {"GB", 22}, {"ES", 24},
		{"IT", 27}, {"LU", 20}, {"AT", 20}, {"CH", 21}, {"PL", 28}, {"TR", 26},
		{"MA", 28}, {"PT", 25}, {"IE", 22}, {"DK", 18}, {"SE", 24}, {"NO", 15},
		{"FI", 18}, {"CZ", 24}, {"GR", 27}, {"HU", 28}, {"RO", 24}, {"BG", 22},
		{"HR", 21}, {"SK", 24}, {"SI", 19}, {"EE", 20}, {"LV", 21}, {"LT", 20},
		{"CY", 28}, {"MT", 31}, {"IS", 26}, {"LI", 21}, {"MC", 27}, {"SM", 27},
		{"AD", 24}, {"AE", 23}, {"AL", 28}, {"AZ", 28}, {"BA", 20}, {"BH", 22},
		{"BI", 27}, {"BR", 29}, {"BY", 28}, {"CR", 22}, {"DJ", 27}, {"DO", 28},
		{"EG", 29}, {"FK", 18}, {"FO", 18}, {"GE", 22}, {"GI", 23}, {"GL", 18},
		{"GT", 28}, {"HN", 28}, {"IL", 23}, {"IQ", 23}, {"JO", 30}, {"KW", 30},
		{"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LY", 25}, {"MD", 24}, {"ME", 22},
		{"MK", 19}, {"MN", 20}, {"MR", 27}, {"MU", 30}, {"NI", 28}, {"OM", 23},
		{"PK", 24}, {"PS", 29}, {"QA", 29}, {"RS", 22}, {"RU", 33}, {"SA", 24},
		{"SC", 31}, {"SD", 18}, {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23},
		{"TN", 24}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
	};
	a = (char)(a & ~0x20);
	b = (char)(b & ~0x20);
	for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
		if (tab[i].cc[0] == a && tab[i].cc[1] == b)
			return tab[i].len;
	return 0;
}

bool scan_iban_valid(const char *s, size_t n)
{
	char c[40];
	size_t k = 0, group = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ') {
			/* written in groups, they are groups of four ("NL91 ABNA 0417 1643 00") */
			if (group != 4)
				return false;
			group = 0;
			continue;
		}
		if (alnum_val(s[i]) < 0 || k >= sizeof c)
			return false;
		c[k++] = s[i];
		group++;
	}
	if (k < 15 || k > 34 || alnum_val(c[0]) < 10 || alnum_val(c[1]) < 10 ||
	    alnum_val(c[2]) > 9 || alnum_val(c[3]) > 9)
		return false;
	int want = iban_country_len(c[0], c[1]);
	if ((size_t)want != k)
		return false;
	unsigned rem = 0;
	for (size_t i = 0; i < k; i++) {
		int v = alnum_val(c[(i + 4) % k]);
		rem = v >= 10 ? (rem * 100 + (unsigned)v) % 97 : (rem * 10 + (unsigned)v) % 97;
	}
	return rem == 1;
}

/* ----------------------------------------------------------- the scanner */

struct tok {
	size_t s, e;       /* byte span */
	uint32_t flags;    /* word-table flags of the lowered token */
	uint32_t sent;     /* sentence index */
	bool cap;          /* starts with a capital */
	bool dot;          /* directly followed by '.' */
	bool first;        /* first word of a sentence (or after ':' or a quote) */
	bool single;       /* a single letter */
	bool acronym;      /* all capitals, two or more letters: "ID", "GGZ" */
};

struct ctx {
	const char *t;
	size_t len;
	char *lt;          /* t lowered as lower_utf8 lowers it, byte for byte (tokenize) */
	struct tok *tok;
	size_t ntok, captok;
	size_t *sent_at;   /* byte offset where sentence i starts */
	size_t nsent, capsent;
	struct scan_result *out;
	pcre2_match_data *md;
	bool *veto;        /* per token: the rules decided it is no person (an organisation's name) */
	char (*low)[16];   /* per token: its lowered bytes for tok_in, filled on first use ("" not yet, "\1" too long) */
	bool *pub;         /* per sentence: about a lecture, book, concert (speakers, authors) */
	bool *sperson;     /* per sentence: a title, family word or "ik" in it (made on first use) */
	unsigned char *english; /* per sentence: 1 written in English, 2 not (made on first use) */
	uint32_t *starts;  /* offsets of the bytes a whole-text pattern may start with (made on first use) */
	size_t nstarts;
	bool starts_made;
	bool family;       /* a family word anywhere in the text (set after tokenize) */
	bool things;       /* scan_names has named a thing or an animal (thing_named) */
	bool naming;       /* a naming word ("heet", "namen") anywhere (set by scan_names) */
	/* answers remembered, 0 not asked yet, 1 no, 2 yes: per sentence
	 * (roster_sentence, asked for every name in it) and per token
	 * (thing_word, asked for the words before every name) */
	unsigned char *roster_memo, *thing_memo;
	unsigned char *animal_memo; /* per token: 0 not read, 1 no animal word, 2 one */
	/* per text, 0 not read, 1 no, 2 yes: a private person in it
	 * (has_private_circle), the writer speaking of themselves (writer_speaks) */
	unsigned char private_memo, writer_memo;
	bool diary;  /* scan_writer_fragments read the text as the writer's diary */
	/* per sentence: how many role words it holds, 0 not counted yet, else
	 * 1 + min(count, 2) (sentence_roles; in the same block) */
	unsigned char *role_memo;
	/* findings of rules written after the health model's rows were fixed
	 * (wave 19 on), held until the model has run (add_late) */
	struct scan_result late;
	unsigned char *veto_late; /* per token: the last of a being's name (demote_named_beings) */
	/* the date pattern's matches, as scan_dates met them (the first 32):
	 * the late passes read dates here instead of matching again */
	size_t ndates;
	struct span { size_t s, e; } dates[32];
};

static void add_finding(struct ctx *c, enum scan_type type, size_t s, size_t e, double conf)
{
	struct scan_result *r = c->out;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->v[r->n++] = (struct scan_finding){type, s, e, conf};
}

/*
 * A finding of a rule newer than the health model's rows, added only after
 * the model has run (flush_late): the model never reads a word inside another
 * finding, so a finding added before it would change the words it is trained
 * on, and the build would retrain it (wave 18 saw what that does: words near
 * its threshold moved on unseen text).  The rules between do not see it.
 */
static void add_late(struct ctx *c, enum scan_type type, size_t s, size_t e, double conf)
{
	struct scan_result *r = &c->late;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->v[r->n++] = (struct scan_finding){type, s, e, conf};
}

/* Some finding among the first n of r is of `type` and counted (raises the
 * verdict). */
static bool counted_in(const struct scan_result *r, size_t n, enum scan_type type)
{
	for (size_t j = 0; j < n; j++)
		if (r->v[j].type == type && r->v[j].confidence >= SCAN_COUNT_CONF)
			return true;
	return false;
}

/* r's counted findings are all of `type`, and there is one at least. */
static bool counted_only(const struct scan_result *r, enum scan_type type)
{
	bool any = false;
	for (size_t j = 0; j < r->n; j++) {
		if (r->v[j].confidence < SCAN_COUNT_CONF)
			continue;
		if (r->v[j].type != type)
			return false;
		any = true;
	}
	return any;
}

static void flush_late(struct ctx *c)
{
	for (size_t i = 0; i < c->late.n; i++)
		add_finding(c, c->late.v[i].type, c->late.v[i].start, c->late.v[i].end, c->late.v[i].confidence);
	c->late.n = 0;
}

/* The bytes >= 0x80 of is_letter_byte, out of line: the ASCII test below is
 * inlined into the per-byte loops (tokenize, scan_ages, the word readers),
 * where the call cost more than the test itself (4 % of a typical scan). */
static bool high_letter_byte(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	/* U+2000..U+206F punctuation (’ “ – …) and Latin-1 symbols are not letters. */
	if (c == 0xE2 && i + 1 < len && (unsigned char)t[i + 1] == 0x80)
		return false;
	if (c == 0xC2)
		return false;
	if (c >= 0x80 && c < 0xC0) /* continuation: part of the current letter */
		return true;
	return c >= 0xC3;
}

static inline bool is_letter_byte(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	return high_letter_byte(t, i, len);
}

static bool is_cap(const char *t, size_t i, size_t len)
{
	unsigned char c = (unsigned char)t[i];
	if (c >= 'A' && c <= 'Z')
		return true;
	if (i + 1 >= len)
		return false;
	unsigned char d = (unsigned char)t[i + 1];
	if (c == 0xC3)
		return d >= 0x80 && d <= 0x9E && d != 0x97; /* not the multiplication sign */
	/* wave 13: Latin Extended-A capitals ("Şükrü", "Łukasz", "Žana"):
	 * upper and lower case alternate, in three runs with an odd start */
	if ((c == 0xC4 || c == 0xC5) && d >= 0x80 && d <= 0xBF) {
		unsigned cp = ((unsigned)(c & 0x1F) << 6) | (d & 0x3F);
		if (cp == 0x178)
			return true; /* Ÿ */
		if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
			return cp & 1;
		return cp != 0x138 && cp != 0x149 && cp != 0x17F && !(cp & 1);
	}
	return c == 0xC8 && (d == 0x98 || d == 0x9A); /* Romanian Ș Ț */
}

/* The word table's flags of bytes lowered already (tokenize reads them
 * from c->lt); no entry is longer than 64 bytes. */
static uint32_t lookup_low(const char *low, size_t n)
{
	if (n > 64)
		return 0;
	const struct word *w = wtab_find(&words, low, n);
	return w ? w->flags : 0;
}

static uint32_t lookup(const char *s, size_t n)
{
	char low[64];
	if (n > sizeof low)
		return 0;
	lower_utf8(s, n, low);
	return lookup_low(low, n);
}

/* "AD", "GGZ", "UMC": acronyms are not names */
static bool all_caps(const struct ctx *c, const struct tok *k)
{
	if (k->e - k->s < 2)
		return false;
	for (size_t p = k->s; p < k->e; p++)
		if (c->t[p] >= 'a' && c->t[p] <= 'z')
			return false;
	return true;
}

enum { LT_PAD = 16 };

static void tokenize(struct ctx *c)
{
	const char *t = c->t;
	size_t len = c->len, i = 0;
	/* the whole text lowered once: the rules read their words here */
	/* (about one token per six bytes in Dutch posts: room for them at once) */
	if (!c->captok) {
		c->captok = len / 5 + 16 < 65536 ? len / 5 + 16 : 65536;
		c->tok = xmalloc(c->captok * sizeof *c->tok);
	}
	c->lt = xmalloc(len + LT_PAD);
	lower_utf8(t, len, c->lt);
	memset(c->lt + len, 0, LT_PAD); /* a memcmp a little past the end meets NULs, as strncasecmp did */
	uint32_t sent = 0;
	bool newsent = true, quoteish = false;
	c->sent_at[0] = 0;
	c->nsent = 1;
	while (i < len) {
		if (!is_letter_byte(t, i, len)) {
			char ch = t[i];
			if (ch == '\n' || ((ch == '.' || ch == '!' || ch == '?') &&
			                   (i + 1 >= len || t[i + 1] == ' ' || t[i + 1] == '\n' || t[i + 1] == '\r'))) {
				bool abbr = false;
				if (ch == '.' && c->ntok && c->tok[c->ntok - 1].e == i)
					abbr = (c->tok[c->ntok - 1].flags & W_ABBR) || c->tok[c->ntok - 1].single;
				if (!abbr && !newsent) {
					newsent = true;
					sent++;
					if (c->nsent == c->capsent) {
						c->capsent *= 2;
						c->sent_at = xrealloc(c->sent_at, c->capsent * sizeof *c->sent_at);
					}
					c->sent_at[c->nsent++] = i + 1;
				}
			} else if (ch == ':' || ch == '"' || ch == '(' || ch == '*' || ch == ';' ||
			           (ch == '-' && (i == 0 || t[i - 1] == '\n'))) {
				quoteish = true;
			}
			i++;
			continue;
		}
		size_t s = i;
		while (i < len) {
			if (is_letter_byte(t, i, len)) {
				i++;
			} else if ((t[i] == '-' || t[i] == '\'') && i + 1 < len && is_letter_byte(t, i + 1, len)) {
				i++;
			} else {
				break;
			}
		}
		if (c->ntok == c->captok) {
			c->captok = c->captok ? c->captok * 2 : 256;
			c->tok = xrealloc(c->tok, c->captok * sizeof *c->tok);
		}
		struct tok *k = &c->tok[c->ntok++];
		k->s = s;
		k->e = i;
		k->flags = lookup_low(c->lt + s, i - s);
		k->sent = sent;
		k->cap = ((unsigned char)t[s] >= 'A' && (unsigned char)t[s] <= 'Z') ||
		         ((unsigned char)t[s] >= 0x80 && is_cap(t, s, len));
		k->dot = i < len && t[i] == '.';
		k->first = newsent || quoteish;
		k->single = (i - s == 1) || (i - s == 2 && (unsigned char)t[s] >= 0xC3);
		k->acronym = all_caps(c, k);
		if (k->acronym)
			k->flags &= ~(uint32_t)(W_FIRST | W_SUR);
		newsent = quoteish = false;
	}
}

static size_t sentence_of(const struct ctx *c, size_t off)
{
	size_t lo = 0, hi = c->nsent;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (c->sent_at[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* A counted name finding, not an @handle or a #hashtag: what the passes
 * that read names as words ask of a finding first. */
static bool plain_name(const struct ctx *c, const struct scan_finding *x)
{
	return x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF && c->t[x->start] != '@' &&
	       c->t[x->start] != '#';
}

/* Lower-cased bytes [from, to) contain needle. */
static bool window_has(const struct ctx *c, size_t from, size_t to, const char *const *needles)
{
	char low[160];
	size_t n = to - from;
	if (n > sizeof low)
		from = to - (n = sizeof low);
	memcpy(low, c->lt + from, n);
	/* at a word start only: "kerk" must not match "Kerkstraat"; so the window
	 * is walked once and the needles are tried only where a word starts */
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && is_letter_byte(low, i - 1, n))
			continue;
		for (const char *const *nd = needles; *nd; nd++) {
			if (low[i] != (*nd)[0])
				continue;
			size_t m = strlen(*nd);
			if (i + m <= n && memcmp(low + i, *nd, m) == 0 &&
			    (i + m == n || !is_letter_byte(low, i + m, n) || m >= 5))
				return true;
		}
	}
	return false;
}

/* window_has over [from, to) of any length: overlapping windows of 160
 * bytes, 150 apart, so a word across a window's edge is still read. */
static bool span_has(const struct ctx *c, size_t from, size_t to, const char *const *needles)
{
	for (size_t a = from; a < to; a += 150)
		if (window_has(c, a, a + 160 < to ? a + 160 : to, needles))
			return true;
	return false;
}

/* Sentence si holds one of needles (span_has over the sentence). */
static bool sentence_has(const struct ctx *c, size_t si, const char *const *needles)
{
	return span_has(c, c->sent_at[si], si + 1 < c->nsent ? c->sent_at[si + 1] : c->len, needles);
}

static size_t back(size_t off, size_t n)
{
	return off > n ? off - n : 0;
}

/* --- numbers: BSN and phone share one pattern and are told apart here. */

struct group {
	size_t s, e;       /* byte span of the group */
	char sep;          /* separator before this group (0 for the first) */
	bool paren;
};

static const char *const bsn_ctx[] = {"bsn", "burgerservice", "sofi", "citizen service", NULL};
static const char *const bsn_neg[] = {"kvk", "kamer van koophandel", "factuur", "order", "bestel",
	"referentie", "kenmerk", "artikel", "btw", "rsin", "€", "eur", "postbus", "ticket",
	"pincode", "zaaknummer", "dossier", NULL};
static const char *const org_ctx[] = {"bel ons", "contact", "informatie", "info", "vacature",
	"sollicit", "bereikbaar", "receptie", "servicedesk", "helpdesk", "klantenservice",
	"meer weten", "aanmeld", "opgeven", "secretariaat", "huisartsenpost", "spoed",
	"centrale", "afspraak maken", "vragen?", "vragen over", "bel gerust", "hr", "p&o",
	"recruit", "wervin", "locatie", "praktijk", "apotheek", "telefonisch spreekuur",
	"belt u", "bel dan", "inloop", "call", "phone us", "questions", "ons", "onze", "wij", "we",
	"telefoonnummer is", "algemene nummer", "telefoonnummer blijft", "nummer blijft", "nummers blijven",
	/* wave 13 */
	"interesse", "gezocht", "storing", "dag en nacht", "24/7",
	/* wave 14: Frisian and Limburgish notices ("Belangstelling? Skilje nei ...", "Tillefoon:") */
	"belangstelling", "skilje", "sykje", "tillefoon", "praktiek",
	/* after batch 30: a desk or a shop's line ("Bel het Wmo-loket van de
	 * gemeente op ...", "Bestellen via 0524 ...") */
	"loket", "gemeente", "bestellen", "bezorg",
	/* wave 31 (batches 128, 129): a practice's line to cancel on ("Afzeggen
	 * kan tot 24 uur van tevoren via 0318 ...", "Afmelden vóór 9 uur via") */
	"afzeggen", "afmelden", /* (batch 131) */ "dierenambulance", "dierenasiel", "politie", NULL};
/* A mobile number is someone's own unless a vacancy names it as the contact. */
static const char *const vacancy_ctx[] = {"vacature", "sollicit", "recruit", "werving", "gezocht",
	"wij zoeken", "we zoeken",
	"meer weten", "proefdraaien", "werken bij", "kom werken", "interesse", "vrijwilliger",
	"aanmelden bij",
	/* wave 13: an organisation's own mobile line ("Onze WhatsApp-lijn: 06 ...") */
	"whatsapp-lijn", "whatsapplijn", "app-lijn", "appen naar", "app ons", "dienstdoende", "bij spoed",
	"storing", "24/7", "dag en nacht", "we reageren", "wij reageren", "onze lijn", "belt u",
	"appen met de", "receptie", "algemene nummer",
	/* after batch 27: "Later thuis? Bel de nachtdienst op 06-…" */
	"nachtdienst", "avonddienst", "slaapdienst", "bereikbaarheidsdienst",
	/* wave 14: "De teamtelefoon van Wijkzorg De Waarden is … bereikbaar op 06 …" */
	"teamtelefoon", "teamnummer", "dienstmobiel", "dienstmobiele",
	NULL};
/* wave 14's "bereikbaar op" of a team's telephone; wave 20: not of a
 * relative ("Mijn zus is bereikbaar op 06-...") */
static const char *const reach_ctx[] = {"bereikbaar op", "hele weekend bereikbaar", NULL};
/* after batch 30: a team looking for staff ("Ons team in Arnhem-Zuid zoekt een
 * wijkverpleegkundige. ... Vragen? Joyce Brouwer, 06 ..."), unless a family
 * word says it is a private search ("Mijn moeder zoekt een hulp") */
static const char *const seeks_ctx[] = {"zoekt een", "zoeken een", "zoekt nieuwe", "zoeken nieuwe",
	"versterking", "zoekt voor", "zoeken voor", "zoekt per", "zoeken per", "zoekt met spoed", "zoeken met spoed",
	"zoekt nog", "zoeken nog", NULL};

/* A vacancy's words before [from, to). */
static bool vacancy_window(const struct ctx *c, size_t from, size_t to)
{
	return window_has(c, from, to, vacancy_ctx) ||
	       ((window_has(c, from, to, seeks_ctx) || window_has(c, from, to, reach_ctx)) && !c->family);
}

/* "06-12345678 (coördinator)": a number labelled with a staff role */
static bool role_after(const struct ctx *c, size_t e)
{
	size_t p = e;
	while (p < c->len && (c->t[p] == ' ' || c->t[p] == '(' || c->t[p] == ','))
		p++;
	size_t q = p;
	while (q < c->len && q - p < 40 && is_letter_byte(c->t, q, c->len))
		q++;
	return q > p && (lookup(c->t + p, q - p) & (W_ROLE | W_DEPT));
}

static bool classify_digits(struct ctx *c, const struct group *g, size_t i, size_t j)
{
	char d[40];
	size_t n = 0;
	bool plus = c->t[g[i].s] == '+';
	bool uniform = true;
	for (size_t k = i; k <= j; k++) {
		if (k > i) {
			if (g[k].sep != g[i + 1].sep)
				uniform = false;
		}
		if (g[k].paren && plus && g[k].e - g[k].s == 3 && c->t[g[k].s + 1] == '0')
			continue; /* +31 (0)20: the (0) is not dialled */
		for (size_t p = g[k].s; p < g[k].e; p++)
			if (c->t[p] >= '0' && c->t[p] <= '9' && n < sizeof d)
				d[n++] = c->t[p];
	}
	if (n < 7 || n > 20)
		return false;
	size_t s = g[i].s, e = g[j].e;
	if (!plus && n > 2 && d[0] == '0' && d[1] == '0') {
		plus = true;
		memmove(d, d + 2, n - 2);
		n -= 2;
	}
	size_t ngroups = j - i + 1;
	bool parens = false;
	for (size_t k = i; k <= j; k++)
		parens |= g[k].paren;
	/* BSN: 9 digits, or 8 with the leading zero left off, in one of the usual groupings. */
	if (!plus && !parens && (n == 9 || (n == 8 && ngroups == 1)) && uniform &&
	    (ngroups == 1 || g[i + 1].sep != '/') && scan_elfproef(d, n)) {
		bool shape = ngroups == 1 || (ngroups == 3 && n == 9) || (ngroups == 2 && n == 9);
		bool date = n == 8 && (memcmp(d, "19", 2) == 0 || memcmp(d, "20", 2) == 0) &&
		            d[4] <= '1' && d[6] <= '3';
		/* wave 24 (batch 103): in any grouping after its label ("Het is 393 98
		 * 74 49", "3 1 2 9 8 4 2 6 1"): the label and the checksum together */
		bool ctx = !date && window_has(c, back(s, 40), s, bsn_ctx);
		if ((shape || (ctx && n == 9)) && !date && !window_has(c, back(s, 40), s, bsn_neg)) {
			if (n == 9 || ctx) {
				add_finding(c, SCAN_BSN, s, e, ctx ? 0.97 : (n == 9 ? 0.8 : 0.6));
				return true;
			}
		}
	}
	if (plus) {
		if (n >= 11 && d[0] == '3' && d[1] == '1') {
			if (n == 11) {
				bool mobile = d[2] == '6';
				bool org = mobile ? vacancy_window(c, back(s, 80), s) : window_has(c, back(s, 80), s, org_ctx);
				add_finding(c, SCAN_PHONE, s, e, org ? 0.4 : 0.9);
				return true;
			}
			return false;
		}
		if (n >= 8 && n <= 15) {
			add_finding(c, SCAN_PHONE, s, e, 0.75);
			return true;
		}
		return false;
	}
	if (d[0] != '0')
		return false;
	bool service = n >= 4 && (memcmp(d, "0800", 4) == 0 || memcmp(d, "0900", 4) == 0);
	if (n == 10 || (service && n >= 8 && n <= 11)) {
		bool mobile = d[1] == '6';
		bool corp = memcmp(d, "088", 3) == 0 || memcmp(d, "085", 3) == 0 || service;
		/* a vacancy's contact line comes after its description: look further back for a mobile */
		bool org = (mobile ? vacancy_window(c, back(s, 160), s) : window_has(c, back(s, 80), s, org_ctx)) || role_after(c, e);
		double conf = mobile ? (org ? 0.45 : 0.9) : (corp || org ? 0.4 : 0.7);
		add_finding(c, SCAN_PHONE, s, e, conf);
		return true;
	}
	return false;
}

/* A digit run that continues "NL91 ABNA " is the tail of a (possibly invalid) IBAN. */
static bool after_iban_head(const struct ctx *c, size_t s)
{
	size_t p = s;
	while (p > 0 && c->t[p - 1] == ' ')
		p--;
	size_t letters = 0;
	while (p > 0 && (c->t[p - 1] >= 'A' && c->t[p - 1] <= 'Z') && letters < 5)
		p--, letters++;
	if (letters != 4)
		return false;
	while (p > 0 && c->t[p - 1] == ' ')
		p--;
	return p >= 4 && c->t[p - 1] >= '0' && c->t[p - 1] <= '9' && c->t[p - 2] >= '0' &&
	       c->t[p - 2] <= '9' && c->t[p - 3] >= 'A' && c->t[p - 3] <= 'Z' &&
	       c->t[p - 4] >= 'A' && c->t[p - 4] <= 'Z';
}

static bool digit_at(const struct ctx *c, size_t i);

/* Groups i, i+1, i+2 are a date: day and month of one or two digits, a
 * year 19xx or 20xx, one separator ('-', '/' or '.') between. */
static bool date_groups(const struct ctx *c, const struct group *g, size_t i, size_t ng)
{
	if (i + 2 >= ng || g[i].paren || g[i + 1].paren || g[i + 2].paren)
		return false;
	size_t a = g[i].e - g[i].s, b = g[i + 1].e - g[i + 1].s, y = g[i + 2].e - g[i + 2].s;
	char sep = g[i + 1].sep;
	if (a < 1 || a > 2 || b < 1 || b > 2 || y != 4 || sep == ' ' || g[i + 2].sep != sep)
		return false;
	const char *t = c->t;
	if (!digit_at(c, g[i].s) || !digit_at(c, g[i].e - 1) || !digit_at(c, g[i + 1].s) || !digit_at(c, g[i + 2].s))
		return false;
	unsigned day = a == 1 ? (unsigned)(t[g[i].s] - '0') : (unsigned)((t[g[i].s] - '0') * 10 + t[g[i].s + 1] - '0');
	unsigned mon = b == 1 ? (unsigned)(t[g[i + 1].s] - '0')
	                      : (unsigned)((t[g[i + 1].s] - '0') * 10 + t[g[i + 1].s + 1] - '0');
	const char *yr = t + g[i + 2].s;
	return day >= 1 && day <= 31 && mon >= 1 && mon <= 12 &&
	       ((yr[0] == '1' && yr[1] == '9') || (yr[0] == '2' && yr[1] == '0'));
}

static void number_run(struct ctx *c, size_t s, size_t e)
{
	if (after_iban_head(c, s))
		return;
	struct group g[24];
	size_t ng = 0;
	size_t p = s;
	char sep = 0;
	while (p < e && ng < sizeof g / sizeof g[0]) {
		char ch = c->t[p];
		if (ch == ' ' || ch == '.' || ch == '-' || ch == '/') {
			/* " - " counts as one dash */
			if (!sep || sep == ' ')
				sep = ch;
			p++;
			continue;
		}
		size_t gs = p;
		bool paren = false;
		if (ch == '(') {
			paren = true;
			while (p < e && c->t[p] != ')')
				p++;
			if (p < e)
				p++;
		} else {
			if (ch == '+')
				p++;
			while (p < e && c->t[p] >= '0' && c->t[p] <= '9')
				p++;
			if (p == gs) {
				p++;
				continue;
			}
		}
		g[ng] = (struct group){gs, p, ng ? sep : 0, paren};
		ng++;
		sep = 0;
	}
	/* Longest valid span first from each start, so "06 1234 5678 12" still finds the phone. */
	for (size_t i = 0; i < ng;) {
		/* wave 27 (batch 116): a date is no number's start, "05-12-2026
		 * 13:22" on a newborn's wristband is no phone */
		if (date_groups(c, g, i, ng)) {
			i += 3;
			continue;
		}
		bool found = false;
		for (size_t j = ng; j-- > i;) {
			if (classify_digits(c, g, i, j)) {
				i = j + 1;
				found = true;
				break;
			}
		}
		if (!found)
			i++;
	}
}

/* --- e-mail: found from each '@', which is faster than any pattern. */

static bool email_local(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-';
}

static bool email_domain(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	       ch == '.' || ch == '-';
}

static const char *const role_mail[] = {"info", "contact", "vacature", "werken", "sollicit",
	"secretariaat", "communicatie", "pers", "receptie", "klantenservice", "webcare", "noreply",
	"no-reply", "hr", "recruit", "planning", "administratie", "factu", "privacy", "klacht",
	"servicedesk", "helpdesk", "zorgbemiddeling", "aanmeld", "team", "redactie", "nieuws",
	"support", "welkom", "mail", "office", "bestuur", "vrijwillig", "agenda", "spreekuur",
	"postbus", "algemeen", "balie", "afspraken", "service", "hallo", "vragen", "events",
	"marketing", "stage", "jobs", "careers", "zorg",
	/* wave 13 */
	"storing", "alarm", "meldpunt", "melding", "clientenraad", "cliëntenraad", "ledenraad",
	"ondernemingsraad", "mantelzorg", "vrijwilligers", "welzijn",
	/* wave 14 */
	"patient", "portaal", "declar", "nota", "debiteur", "crediteur", "financ", "boekhouding", "inkoop", "bezwaar", "klanten",
	"loket", "wijkteam", "kantoor",
	/* after batch 40 */
	"intake", "aanvra", "verwijz", "triage", "afspraak", "recept", "herhaal", "centrale",
	/* wave 22 */
	"chat", "flex", "rooster", "ouders", "jongeren",
	/* wave 24 (batch 103): churches, mosques and neighbourhood bodies */
	"diaconie", "parochie", "kerk", "moskee", "buurt", "schuldhulp", "voedselbank", "taalhuis", "geldloket",
	/* wave 25 (batch 110): "aktiviteiten@...", "kerst(at)pg-oosterhout.nl" */
	"activit", "aktivit", "kerst", "evenement",
	/* wave 31 (batches 128, 129): a town hall's desks ("griffie@waterveen.nl"),
	 * youth health care's ("jgz-onderzoek@ggdregio.nl") */
	"griffie", "burgerzaken", "publiekszaken", "wmo", "leerplicht", "gemeente", "jgz", "ggd", "enquete",
	/* round 18 (batch 139): where phishing is sent, "security@apotheek..." */
	"security", "abuse", "phishing", "fraude", "beveiliging",
	/* round 19 (batch 140): a peer group's, "parkinson.twente [apenstaartje]
	 * twentsezorgkring punt nl" */
	"lotgenot", "parkinson", "alzheimer", "dementie", "longcovid", "nierpati",
	NULL};

/* Wave 20 (from batch 64): clubs and village associations keep their
 * mailbox at a personal domain ("ehbo.someren@gmail.com",
 * "vvnbarneveld@gmail.com"); a part of the local part that opens with one of
 * these words is the club's, not a person's. */
static const char *const club_mail[] = {"ehbo", "vvn", "kbo", "pcob", "anbo", "zonnebloem", "rodekruis",
	"oranjevereniging", "oranjecomite", "dorpsbelang", "dorpshuis", "buurthuis", "wijkvereniging",
	"buurtvereniging", "vereniging", "stichting", "club", "koor", "kerk", "parochie", "gemeente", "tennis",
	"voetbal", "biljart", "bridge", "jeudeboules", "fanfare", "harmonie", "schutterij", "carnaval", "soos",
	"repaircafe", "inloop", "bieb", "seniorenvereniging", "senioren", "ouderenbond", "vrouwenvannu",
	"plattelandsvrouwen", "mantelzorgcafe", "alzheimercafe", "hospice", "kinderopvang", "peuterspeelzaal",
	"ouderraad", "speeltuin", "ijsclub", "ijsvereniging", "toneel", "muziek", "zangkoor", "gym", NULL};

static bool club_mailbox(const char *low, size_t n)
{
	bool club = false;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && low[j] != '.' && low[j] != '_' && low[j] != '-')
			j++;
		if (lookup(low + i, j - i) & W_FIRST) /* "jan.koorman": a person's */
			return false;
		for (const char *const *w = club_mail; *w && !club; w++) {
			size_t m = strlen(*w);
			/* the whole part, or the head of a longer one when the word
			 * cannot open a surname ("vvnbarneveld", not "kerkhof") */
			club = m == j - i ? !strncmp(low + i, *w, m)
			                  : m < j - i && (m >= 7 || m == 3) && !strncmp(low + i, *w, m);
		}
		i = j + 1;
	}
	return club;
}

/* after batch 38: a mailbox's local part w[0..n) (lower case) that is an
 * everyday word or two ("steunpunt", "nacht"+"zorg") and no name */
static bool lex_mailbox(const char *w, size_t n)
{
	if (n < 4)
		return false;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return false;
	uint32_t f = lookup(w, n);
	if (f & (W_FIRST | W_SUR | W_AMBIG))
		return false;
	if (f & W_LEX)
		return true;
	for (size_t k = 3; k + 3 <= n; k++)
		if ((lookup(w, k) & W_LEX) && (lookup(w + k, n - k) & W_LEX) && !(lookup(w, k) & (W_FIRST | W_SUR)))
			return true;
	return false;
}

/* wave 22: a local part of letters only that is no listed name */
static bool acronym_mailbox(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return false;
	return !(lookup(w, n) & (W_FIRST | W_SUR | W_AMBIG));
}

/* Wave 26 (batch 113): a local part with a body's word anywhere in it
 * ("sociaalraadslieden@", "expatcare@", "ouderenadvies@") and no initial or
 * listed first name among its parts ("m.zorgdrager@", "anna-hulpman@"). */
static bool body_mailbox(const char *w, size_t n)
{
	static const char *const body[] = {"zorg", "care", "service", "raad", "lieden", "hulp", "desk", "dienst",
		"team", "bureau", "centrum", "poli", "loket", "advies", "punt", "groep", "welzijn", "kliniek",
		"praktijk", "netwerk", "steun", "informatie", "support", "office", NULL};
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && w[j] != '.' && w[j] != '_' && w[j] != '-')
			j++;
		if (j - i == 1 || (lookup(w + i, j - i) & W_FIRST))
			return false;
		i = j + 1;
	}
	for (const char *const *b = body; *b; b++) {
		size_t m = strlen(*b);
		for (size_t i = 0; i + m <= n; i++)
			if (!memcmp(w + i, *b, m))
				return true;
	}
	return false;
}

/* A domain people have their own mailboxes at (d[0..n) after the '@') */
static bool personal_domain(const char *d, size_t n)
{
	static const char *const personal_dom[] = {"gmail.", "hotmail.", "outlook.", "live.",
		"ziggo.", "kpnmail.", "kpnplanet.", "planet.", "home.", "icloud.", "yahoo.", "msn.",
		"xs4all.", "telfort.", "online.", "upcmail.", "chello.", "caiway.", "zeelandnet.",
		"me.", "protonmail.", "proton.", "gmx.", NULL};
	for (const char *const *q = personal_dom; *q; q++) {
		size_t m = strlen(*q);
		if (n > m && strncasecmp(d, *q, m) == 0)
			return true;
	}
	return false;
}

/* An e-mail finding at a personal mailbox; one written to fool harvesters
 * ("jan[at]hotmail[dot]com") is a person's too. */
static bool personal_mail(const struct ctx *c, const struct scan_finding *x)
{
	const char *at = memchr(c->t + x->start, '@', x->end - x->start);
	if (!at)
		return true;
	return personal_domain(at + 1, (size_t)(c->t + x->end - at - 1));
}

/*
 * A mailbox's local part low[0..ln) (lower case; cut: longer than low could
 * hold) that is a role's or a body's, not a person's: the e-mail found at
 * s is then the organisation's.  personal: at a domain people have their
 * own mailboxes at.  One rule for written addresses and for those written
 * to fool harvesters ("gripopjegeld at welzijnzoetermeer punt nl", batch
 * 142, whose local part obf_email_at hands over with its spelled dots as
 * '.').
 */
static bool role_mailbox(const struct ctx *c, const char *low, size_t ln, bool cut, size_t s, bool personal)
{
	for (const char *const *r = role_mail; *r; r++)
		if (strncmp(low, *r, strlen(*r)) == 0)
			return true;
	if (personal)
		return club_mailbox(low, ln);
	/* staff work addresses in a vacancy or contact line are the organisation's */
	if (window_has(c, back(s, 100), s, org_ctx))
		return true;
	/* after batch 38: a mailbox named by an everyday word at the
	 * organisation's own domain ("steunpunt@…", "nachtzorg@…") */
	if (!cut && lex_mailbox(low, ln))
		return true;
	/* wave 22 (batches 84-85): two or three letters at the organisation's
	 * own domain are a body's ("or@" the works council, "wmo@", "ict@"),
	 * not a person's initials */
	if (ln >= 2 && ln <= 3 && acronym_mailbox(low, ln))
		return true;
	return body_mailbox(low, ln);
}

static void scan_emails(struct ctx *c)
{
	const char *t = c->t;
	for (const char *at = memchr(t, '@', c->len); at; at = memchr(at + 1, '@', c->len - (size_t)(at + 1 - t))) {
		size_t a = (size_t)(at - t), s = a, e = a + 1;
		while (s > 0 && email_local(t[s - 1]))
			s--;
		while (s < a && (t[s] == '.' || t[s] == '-'))
			s++;
		while (e < c->len && email_domain(t[e]))
			e++;
		while (e > a + 1 && (t[e - 1] == '.' || t[e - 1] == '-'))
			e--;
		if (s == a || e == a + 1)
			continue;
		const char *dot = NULL;
		for (size_t i = a + 1; i < e; i++)
			if (t[i] == '.')
				dot = t + i;
		if (!dot || dot == at + 1 || t + e - dot - 1 < 2)
			continue;
		bool tld_ok = true;
		for (const char *q = dot + 1; q < t + e; q++)
			if (!((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z'))
				tld_ok = false;
		if (!tld_ok)
			continue;
		char low[24];
		size_t ln = a - s < sizeof low - 1 ? a - s : sizeof low - 1;
		lower_utf8(t + s, ln, low);
		low[ln] = '\0';
		bool role = role_mailbox(c, low, ln, ln < a - s, s, personal_domain(t + a + 1, e - (a + 1)));
		add_finding(c, SCAN_EMAIL, s, e, role ? 0.4 : 0.85);
	}
}

/* --- regex detectors */

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

/* An English month's name, capitalised, at t[i]: where DATE_RE's last branch starts. */
static bool month_at(const char *t, size_t i, size_t len)
{
	static const struct lit months[] = {LIT("January"), LIT("February"), LIT("March"), LIT("April"),
		LIT("May"), LIT("June"), LIT("July"), LIT("August"), LIT("September"), LIT("October"),
		LIT("November"), LIT("December")};
	for (size_t k = 0; k < sizeof months / sizeof months[0]; k++)
		if (months[k].s[0] == t[i] && len - i >= months[k].n && memcmp(t + i, months[k].s, months[k].n) == 0)
			return true;
	return false;
}

/*
 * P_NUMBER at t[i] ('+', '(' or a digit) needs 6 digits or more, with at
 * most 5 other bytes of " ./-()" between two of them (")", three
 * separators, "("), and none but those.
 */
static bool number_may_start(const char *t, size_t i, size_t len)
{
	size_t digits = 0, gap = 0;
	for (size_t p = i; p < len; p++) {
		char ch = t[p];
		if (is_digit(ch)) {
			if (++digits == 6)
				return true;
			gap = 0;
		} else if ((ch == ' ' || ch == '.' || ch == '/' || ch == '-' || ch == '(' || ch == ')' ||
		            (ch == '+' && p == i)) && ++gap <= 5) {
			continue;
		} else if ((unsigned char)ch == 0xE2 && p + 2 < len && (unsigned char)t[p + 1] == 0x80 &&
		           (unsigned char)t[p + 2] == 0x93 && ++gap <= 5) {
			p += 2; /* an en dash, as P_NUMBER allows */
		} else {
			return false;
		}
	}
	return false;
}

/*
 * DATE_RE at the digit t[i]: "d{1,2}[-/.]d{1,2}[-/.]…", "(19|20)dd-dd-dd",
 * or "d{1,2}" with an optional lower-case ending ("e", "ste", "th") and
 * white space before a month.  Non-ASCII bytes are let through (Unicode
 * white space; letters that fold to a month's first letter, like "ſ").
 */
static bool date_may_start(const char *t, size_t i, size_t len)
{
	size_t r = 0; /* the digits from i, counted up to 5: only 1, 2 and 4 can start a date */
	while (r < 5 && i + r < len && is_digit(t[i + r]))
		r++;
	if (i + r >= len)
		return false;
	char ch = t[i + r];
	if (r == 4)
		return ch == '-';
	if (r > 2)
		return false;
	if (ch == '-' || ch == '/' || ch == '.') {
		size_t q = i + r + 1, r2 = 0;
		while (r2 < 3 && q + r2 < len && is_digit(t[q + r2]))
			r2++;
		return r2 >= 1 && r2 <= 2 && q + r2 < len &&
		       (t[q + r2] == '-' || t[q + r2] == '/' || t[q + r2] == '.');
	}
	if ((unsigned char)ch >= 0x80 || strchr("esdnrt", ch))
		return ch != '\0';
	if (!(ch == ' ' || (ch >= '\t' && ch <= '\r')))
		return false;
	size_t q = i + r;
	while (q < len && (t[q] == ' ' || (t[q] >= '\t' && t[q] <= '\r')))
		q++;
	if (q >= len)
		return false;
	unsigned char m = (unsigned char)t[q];
	return m >= 0x80 || strchr("jfmasond", m | 0x20);
}

/* P_POSTCODE at t[i]: a digit 1-9 not after a digit, four digits, then a space or a letter */
static bool postcode_may_start(const char *t, size_t i, size_t len)
{
	if (t[i] < '1' || t[i] > '9' || (i > 0 && is_digit(t[i - 1])) || len - i < 5)
		return false;
	char ch = t[i + 4];
	return is_digit(t[i + 1]) && is_digit(t[i + 2]) && is_digit(t[i + 3]) &&
	       (ch == ' ' || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'));
}

/* Bit p set for each byte pattern p's match can start with (see may_start). */
static uint8_t first_bytes[256];

static void first_bytes_init(void)
{
	for (int ch = '0'; ch <= '9'; ch++)
		first_bytes[ch] |= 1u << P_NUMBER | 1u << P_DATE | (ch > '0' ? 1u << P_POSTCODE : 0);
	first_bytes['+'] |= 1u << P_NUMBER;
	first_bytes['('] |= 1u << P_NUMBER;
	for (int ch = 'A'; ch <= 'S'; ch++)
		first_bytes[ch] |= 1u << P_DATE;
}

/*
 * Whether pattern p can match at t[i], read off the pattern: a superset is
 * fine (PCRE2 decides), but every position left out must be one where p
 * cannot match.  The tests are cheap; PCRE2's own search tried every digit
 * and capital, at hundreds of instructions each, a fifth of a typical scan.
 */
static bool may_start(enum pat p, const char *t, size_t i, size_t len)
{
	char ch = t[i];
	switch (p) {
	case P_NUMBER:
		return (is_digit(ch) || ch == '+' || ch == '(') && number_may_start(t, i, len);
	case P_POSTCODE:
		return ch >= '1' && ch <= '9' && postcode_may_start(t, i, len);
	case P_DATE:
		if (is_digit(ch))
			return date_may_start(t, i, len);
		return ch >= 'A' && ch <= 'S' && month_at(t, i, len);
	default:
		return true;
	}
}

/* The offsets where any whole-text pattern may start, once per text for all three. */
static void make_starts(struct ctx *c)
{
	const unsigned char *u = (const unsigned char *)c->t;
	size_t cap = 64;
	c->starts = xmalloc(cap * sizeof *c->starts);
	c->nstarts = 0;
	for (size_t i = 0; i < c->len; i++) {
		if (!first_bytes[u[i]])
			continue;
		if (c->nstarts == cap) {
			cap *= 2;
			c->starts = xrealloc(c->starts, cap * sizeof *c->starts);
		}
		c->starts[c->nstarts++] = (uint32_t)i; /* len <= SCAN_MAX_TEXT */
	}
	c->starts_made = true;
}

/*
 * The leftmost match of pattern p at or after *off.  The patterns are
 * compiled anchored; the label patterns are tried at *off only (the
 * callers give the label's offset), the others at each position from *off
 * on where may_start lets them: the same match an unanchored search finds,
 * which tries every position in turn.  Every such start is an ASCII byte,
 * so a character boundary.
 */
static bool next_match(struct ctx *c, enum pat p, size_t *off, size_t *s, size_t *e)
{
	if (*off > c->len)
		return false;
	int rc;
	if (p == P_PATIENT || p == P_ROOM) {
		rc = pcre2_match(pats[p], (PCRE2_SPTR)c->t, c->len, *off, 0, c->md, NULL);
	} else {
		if (!c->starts_made)
			make_starts(c);
		const unsigned char *u = (const unsigned char *)c->t;
		unsigned bit = 1u << p;
		size_t lo = 0, hi = c->nstarts;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (c->starts[mid] < *off)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (rc = PCRE2_ERROR_NOMATCH; lo < c->nstarts && rc == PCRE2_ERROR_NOMATCH; lo++) {
			size_t at = c->starts[lo];
			if ((first_bytes[u[at]] & bit) && may_start(p, c->t, at, c->len))
				rc = pcre2_match(pats[p], (PCRE2_SPTR)c->t, c->len, at, 0, c->md, NULL);
		}
	}
	if (rc < 0)
		return false;
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	*s = ov[0];
	*e = ov[1];
	*off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	return true;
}

static void group1(struct ctx *c, size_t *s, size_t *e)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
	if (pcre2_get_ovector_count(c->md) > 1 && ov[2] != PCRE2_UNSET) {
		*s = ov[2];
		*e = ov[3];
	}
}

static bool ascii_alnum(char ch)
{
	return (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

static const char *const iban_org_ctx[] = {"stichting", "vereniging", "fonds", "doneer",
	"donatie", "gift", "giften", "collecte", "steun ons", "ons rekeningnummer", "onze rekening",
	"ons iban", "anbi", "sponsor", "inzameling", "actie", "goede doel", "foundation", "donate",
	"doneren", "donateur", "vrienden van", "kerkbalans", "steunen", "steun", "bijdrage", "donation",
	"onze bankrekening", "onze rekening", "ons bankrekeningnummer", "ten name van stichting",
	"charity", "contributie", "lidmaatschap", "inschrijfgeld", "inschrijving",
	/* after batch 42: a bill's account ("Betalen kan zoals altijd op NL… o.v.v. uw klantnaam") */
	"o.v.v. uw", "onder vermelding van uw", "uw klantnummer", "uw factuurnummer", "uw klantnaam",
	"betalen kan", "tarief",
	/* wave 30 (batch 128): "Ons eigen rekeningnummer is NL44..." */
	"ons eigen rekeningnummer", "onze eigen rekening", "ons eigen iban",
	/* wave 31 (batch 134): "NL85... t.n.v. Cliëntenraad Zorggroep Oost" */
	"t.n.v. cliëntenraad", "t.n.v. clientenraad", "t.n.v. ondernemingsraad", "t.n.v. zorggroep",
	"t.n.v. vereniging", "rekeningnummer van de cliëntenraad", NULL};

/*
 * IBANs start at a two-letter token followed by two digits ("NL91", "nl91"):
 * testing tokens is much cheaper than a case-insensitive pattern that could
 * start at any letter.  The candidate may run into the next word, so it is
 * shrunk to a valid IBAN ending at a group boundary.
 */
static void scan_iban(struct ctx *c)
{
	for (size_t i = 0; i < c->ntok; i++) {
		size_t s = c->tok[i].s, e;
		if (c->tok[i].e - s != 2 || !ascii_alnum(c->t[s]) || !ascii_alnum(c->t[s + 1]) ||
		    s + 4 > c->len || c->t[s + 2] < '0' || c->t[s + 2] > '9' || c->t[s + 3] < '0' ||
		    c->t[s + 3] > '9' || (s > 0 && c->t[s - 1] >= '0' && c->t[s - 1] <= '9'))
			continue;
		size_t nch = 0;
		for (e = s; e < c->len && nch < 34; e++) {
			if (ascii_alnum(c->t[e]))
				nch++;
			else if (!(c->t[e] == ' ' && e + 1 < c->len && ascii_alnum(c->t[e + 1]) && c->t[e - 1] != ' '))
				break;
		}
		for (size_t end = e; end > s + 14; end--) {
			if (end < e && c->t[end] != ' ')
				continue;
			if (end < c->len && ascii_alnum(c->t[end]) && end == e)
				continue;
			if (scan_iban_valid(c->t + s, end - s)) {
				/* a donation account or the organisation's own IBAN is public */
				size_t to = end + 60 < c->len ? end + 60 : c->len;
				bool org = window_has(c, back(s, 80), s, iban_org_ctx) ||
				           window_has(c, end, to, iban_org_ctx);
				add_finding(c, SCAN_IBAN, s, end, org ? 0.4 : 0.97);
				break;
			}
		}
	}
}

static const char *const pc_skip[] = {"SA", "SD", "SS", "MB", "KB", "GB", "TB", "KM", "CM", "MM",
	"KG", "ML", "PM", "AM", "NL", "EU", "BC", "AD", "CE", "km", "cm", "mm", "kg", "ml", "mb",
	"gb", "kb", "pm", "am", "st", "nd", "rd", "th", "ste", "de", "e", "uur", "jr", "en", "op",
	"in", "is", "om", "of", "al", "nu", "ja", NULL};
static const char *const venue_ctx[] = {"locatie", "adres:", "bezoekadres", "postadres",
	"waar:", "plaats:", "vind je ons", "vindt u ons", "kantoor", "gebouw", "wijkcentrum",
	"buurthuis", "zaal", "kerk", "bibliotheek", "ingang", "parkeer", "praktijk", "vestiging",
	"ontmoeting", "inloop", "open dag", "open huis", "verhuisd naar", "verhuizen naar", "te vinden",
	"informatieavond", "bijeenkomst", "lezing", "cursus", "spreekuur", "kom langs", "langskomen",
	"verzamel", "vertrek", "start", "opent", "opening", "geopend", "gezondheidscentrum",
	"zorgcentrum", "nieuwe vestiging",
	"ons nieuwe", "onze locatie", "welkom", "where:", "venue", "ziekenhuis", "restaurant",
	/* wave 13: "Het nieuwe adres is Stationsplein 8", "verhuist ons klantcontactcentrum" */
	"het nieuwe adres is", "ons nieuwe adres", "ons adres", "verhuist ons", "verhuizen we", "klantcontact",
	"museum", "theater", "sporthal", "school", "stichting", "postbus",
	/* after batch 30: "een gratis training in het gemeentehuis, Raadhuisplein 5",
	 * "Kom kijken in onze nieuwe woning ... op Florakade 15" */
	"gemeentehuis", "stadhuis", "raadhuis", "training", "workshop", "kom kijken", "iedereen welkom",
	"huis van de wijk", "inloopspreekuur", NULL};

static bool joined(const struct ctx *c, size_t k);
static bool digit_at(const struct ctx *c, size_t i);
static size_t word_before(const struct ctx *c, size_t off, char *w, size_t cap, size_t *ws);
static size_t word_after(const struct ctx *c, size_t off, char *w, size_t cap, size_t *we);
static bool in_list(const char *w, const char *const *v);

/* "geworden" and how dialects write it (after batch 28: Limburgish "is
 * tachtig gewore", "zeuven gewórre"; Frisian "wurden") */
static bool became(const char *w)
{
	static const char *const forms[] = {"geworden", "wurden", "gewore", "geworre", "gewórre", "gewôre",
		"gewoorde", "gewoarn", NULL};
	return in_list(w, forms);
}
static bool tok_in(const struct ctx *c, const struct tok *k, const char *const *v);
static bool thing_aside(const struct ctx *c, size_t b, size_t i);
static bool work_word(const struct ctx *c, const struct tok *k);
static bool late_he_she(const struct ctx *c, size_t off);
static unsigned char *tok_cover(const struct ctx *c, size_t n, enum scan_type type);
static void add_uncovered(struct ctx *c, unsigned char **cov, size_t n0, enum scan_type type, size_t t, size_t s,
                          size_t e, double conf);
static size_t tok_first_at(const struct ctx *c, size_t off);
static void sort_findings(struct scan_result *r);

/* Length of a house number at p ("12", "5a", "45-2", "3 B"), 0 if none. */
static size_t house_number(const struct ctx *c, size_t p)
{
	size_t q = p;
	while (q < c->len && q - p < 5 && c->t[q] >= '0' && c->t[q] <= '9')
		q++;
	if (q == p || q - p > 4 || (q < c->len && c->t[q] >= '0' && c->t[q] <= '9'))
		return 0;
	if (q + 1 < c->len && (c->t[q] == '.' || c->t[q] == ',') && c->t[q + 1] >= '0' && c->t[q + 1] <= '9')
		return 0; /* 12.5 */
	size_t r = q;
	if (r < c->len && c->t[r] == ' ')
		r++;
	if (r < c->len && ((c->t[r] | 0x20) >= 'a' && (c->t[r] | 0x20) <= 'z') &&
	    (r + 1 >= c->len || !is_letter_byte(c->t, r + 1, c->len)))
		return r + 1 - p;
	/* "4-II", "12-hs", "3a bis", "7 huis": Dutch floor and unit suffixes */
	static const char *const unit[] = {"-III", "-II", "-I", "-hs", "-bg", "-zw", " hs", " bis", "-bis", " huis", NULL};
	for (const char *const *u = unit; *u; u++) {
		size_t m = strlen(*u), r2 = q + (q < c->len && c->t[q] >= 'a' && c->t[q] <= 'z' ? 1 : 0);
		if (r2 + m <= c->len && memcmp(c->t + r2, *u, m) == 0 &&
		    (r2 + m == c->len || !is_letter_byte(c->t, r2 + m, c->len)))
			return r2 + m - p;
	}
	if (q + 1 < c->len && c->t[q] == '-' && c->t[q + 1] >= '0' && c->t[q + 1] <= '9') {
		r = q + 1;
		while (r < c->len && r - q < 4 && c->t[r] >= '0' && c->t[r] <= '9')
			r++;
		return r - p;
	}
	return q - p;
}

static bool street_suffix(const struct ctx *c, const struct tok *k)
{
	static const char *const suf[] = {"straat", "laan", "weg", "plein", "gracht", "kade",
		"singel", "dijk", "dreef", "steeg", "markt", "plantsoen", "hof", "pad", "park", "allee",
		"boulevard", "wal", "haven", "erf", "dam", "ring", "baan", "veld", "oord", "hoven",
		"hage", "burg", "straatweg", "werf", "vaart", "bleek", "einde", "eind", "steeg", "zijde",
		"wijk", "akker", "kamp", "horst", "gaarde", "hout", "dreef", "stede", "brink",
		/* Frisian: "Tsjerk Hiddesstrjitte 11", "Tsjerkepaad 4", "Skoallewei 2" */
		"strjitte", "paad", "dyk", "wei", "leane", "loane", "buorren", "wâl", "hiem", NULL};
	char low[64];
	size_t n = k->e - k->s;
	if (n < 3 || n > sizeof low)
		return false;
	memcpy(low, c->lt + k->s, n);
	/* "Ringbaan-Oost", "Dorpsstraat-Noord": the street is the part before the hyphen */
	static const char *const dir[] = {"-oost", "-west", "-noord", "-zuid", "-oz", "-wz", "-nz", "-zz", NULL};
	for (const char *const *p = dir; *p; p++) {
		size_t m = strlen(*p);
		if (n > m + 3 && memcmp(low + n - m, *p, m) == 0) {
			n -= m;
			break;
		}
	}
	/* wave 13: "-ering" makes a noun of a verb ("Aflevering 3",
	 * "Mantelzorgwaardering 2025", "Vergadering"), never a ring road */
	if (n > 5 && memcmp(low + n - 5, "ering", 5) == 0)
		return false;
	for (const char *const *p = suf; *p; p++) {
		size_t m = strlen(*p);
		if (n > m && memcmp(low + n - m, *p, m) == 0)
			return true;
	}
	return false;
}

/* A postcode right after the house number: "Achterom 9, 7711 HK". */
static bool postcode_at(const struct ctx *c, size_t p)
{
	if (p < c->len && c->t[p] == ',')
		p++;
	while (p < c->len && c->t[p] == ' ')
		p++;
	if (p + 4 > c->len || c->t[p] < '1' || c->t[p] > '9')
		return false;
	for (size_t i = 1; i < 4; i++)
		if (!digit_at(c, p + i))
			return false;
	p += 4;
	if (p < c->len && c->t[p] == ' ')
		p++;
	return p + 2 <= c->len && c->t[p] >= 'A' && c->t[p] <= 'Z' && c->t[p + 1] >= 'A' && c->t[p + 1] <= 'Z';
}

/*
 * A street without a street ending: "woont op Dorp 12", "afleveren op Brink
 * 22", "op de Singel 140", or any capitalised word before a house number and
 * a postcode ("Achterom 9, 7711 HK").
 */
/* Wings and wards of a home named after a tree, a flower or a bird ("Eik 2.11") */
static const char *const wings[] = {"eik", "berk", "linde", "beuk", "wilg", "esdoorn", "kastanje",
	"iep", "els", "es", "den", "spar", "hazelaar", "meidoorn", "vlier", "lijsterbes", "roos",
	"tulp", "lelie", "iris", "narcis", "zonnebloem", "klaproos", "lavendel", "heide", "hortensia",
	"magnolia", "jasmijn", "seringen", "vlinder", "zwaluw", "merel", "reiger", NULL};

static bool bare_street(const struct ctx *c, size_t i, size_t after)
{
	static const char *const bare[] = {"dorp", "markt", "brink", "singel", "dijk", "kade", "haven",
		"wal", "plein", "gracht", "heuvel", "achterom", "erf", "ring", "steeg", "werf", "dreef",
		"hof", "park", "laan", "weg", "pad", "allee", "boulevard", "oord", "vaart", "bleek",
		"esch", "dam", "zand", "buitenhof", "binnenhof", NULL};
	static const char *const preps[] = {"op", "aan", "naar", "adres", "woont", "wonen", "woonde",
		"verhuisd", "afleveren", "ophalen", "bezorgen", NULL};
	static const char *const units[] = {"jaar", "uur", "keer", "minuten", "euro", "procent", "kramen",
		"mensen", "personen", "bezoekers", "stuks", "meter", "km", NULL};
	const struct tok *k = &c->tok[i];
	if (postcode_at(c, after))
		return !k->first || (k->flags & W_STREETHEAD);
	char low[24], w[24];
	size_t n = k->e - k->s;
	if (n >= sizeof low)
		return false;
	memcpy(low, c->lt + k->s, n);
	low[n] = '\0';
	size_t ws;
	if (!in_list(low, bare)) {
		/* wave 14: "Ons nieuwe adres is Hooghout 22", "adres: Kerkpad 5" */
		if (k->cap && !k->first && !(k->flags & (W_FIRST | W_SUR | W_TITLE | W_ORG | W_ROLE)) &&
		    word_before(c, k->s, w, sizeof w, &ws)) {
			if (strcmp(w, "adres") == 0 ||
			    (strcmp(w, "is") == 0 && word_before(c, ws, w, sizeof w, NULL) && strcmp(w, "adres") == 0))
				return true;
		}
		/* "verhuisd naar De Wieken 112", "ophalen van Het Hoge 4": a street named
		 * with its article, after a word of living or going there */
		if (i == 0 || !joined(c, i - 1) || !c->tok[i - 1].cap || k->first || in_list(low, wings) ||
		    (k->flags & (W_FIRST | W_SUR | W_TITLE | W_ORG | W_ROLE)))
			return false;
		const struct tok *a = &c->tok[i - 1];
		if (!((a->e - a->s == 2 && strncmp(c->t + a->s, "De", 2) == 0) ||
		      (a->e - a->s == 3 && strncmp(c->t + a->s, "Het", 3) == 0)))
			return false;
		static const char *const months[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
			"augustus", "september", "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun",
			"jul", "aug", "sep", "sept", "okt", "nov", "dec", NULL};
		if ((word_after(c, after, w, sizeof w, NULL) && (in_list(w, units) || in_list(w, months))) ||
		    !word_before(c, a->s, w, sizeof w, &ws) || !(in_list(w, preps) || strcmp(w, "van") == 0))
			return false;
		/* only where a person lives: a title, a family word or a first name before it
		 * (looked for over 30 words, so a long sentence costs no more) */
		for (size_t q = i - 1; q-- > 0 && q + 31 > i && c->tok[q].sent == k->sent;)
			if ((c->tok[q].flags & (W_TITLE | W_FAMILY)) ||
			    (c->tok[q].cap && (c->tok[q].flags & W_FIRST) && !(c->tok[q].flags & W_ROLE)))
				return true;
		return false;
	}
	if (word_after(c, after, w, sizeof w, NULL) && in_list(w, units))
		return false;
	if (!word_before(c, k->s, w, sizeof w, &ws))
		return false;
	if (strcmp(w, "de") == 0 && !word_before(c, ws, w, sizeof w, NULL))
		return false;
	return in_list(w, preps);
}

/* "Rua do Sol", "Rue des Lilas", "Via della Pace": particles inside foreign street names */
static bool street_particle(const struct ctx *c, const struct tok *k)
{
	static const char *const v[] = {"do", "dos", "da", "das", "des", "du", "del", "della", "di", "la",
		"le", "les", "el", "al", "ibn", "sur", "an", "am", "der", NULL};
	char w[8];
	size_t n = k->e - k->s;
	if (n > 5 || k->cap)
		return false;
	memcpy(w, c->lt + k->s, n);
	w[n] = '\0';
	return in_list(w, v);
}

/*
 * Street and house number from the tokens: "Kerkstraat 5a", "Laan van
 * Meerdervoort 52", "Burgemeester de Withstraat 3", "12 Baker Street".
 * Cheap first test: a capitalised word followed by a space and a digit.
 */
static void scan_streets(struct ctx *c)
{
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		size_t e = k->e;
		if (!k->cap)
			continue;
		if (e + 1 < c->len && c->t[e] == ' ' && c->t[e + 1] >= '0' && c->t[e + 1] <= '9') {
			size_t hn = house_number(c, e + 1);
			if (!hn)
				continue;
			/* round 19 (batch 140): "in Limburg 24/7 anoniem chatten" is
			 * day and night, no house number ("Kerkstraat 12/2" is one) */
			if (hn == 2 && e + 5 <= c->len && !memcmp(c->t + e + 1, "24/7", 4) && !digit_at(c, e + 5))
				continue;
			size_t start = k->s;
			bool street = street_suffix(c, k);
			/* walk back over "Laan van", "Burgemeester de" */
			size_t j = i;
			while (j > 0 && i - j < 4 && joined(c, j - 1) &&
			       ((c->tok[j - 1].flags & (W_PREFIX | W_STREETHEAD)) || c->tok[j - 1].cap ||
			        street_particle(c, &c->tok[j - 1]))) {
				j--;
				/* "Voor Kees 3 broodjes": a preposition opening the sentence heads no street */
				static const char *const prep_heads[] = {"achter", "over", "voor", "buiten", "binnen",
					"naar", "bij", "onder", "via", "route", NULL};
				char hw[16];
				size_t hl = c->tok[j].e - c->tok[j].s;
				bool prep = false;
				if (c->tok[j].first && hl < sizeof hw) {
					memcpy(hw, c->lt + c->tok[j].s, hl);
					hw[hl] = '\0';
					prep = in_list(hw, prep_heads);
				}
				if (c->tok[j].flags & W_STREETHEAD && c->tok[j].cap && !prep) {
					street = street || (c->tok[j].flags & W_STREETHEAD);
					start = c->tok[j].s;
				}
			}
			/* after batch 31: Polish addresses are written "ul. Kwiatowa 7" (ulica,
			 * aleja), the head in lower case with its full stop */
			if (j > 0 && c->tok[j].cap && c->tok[j - 1].sent == c->tok[j].sent &&
			    c->tok[j].s - c->tok[j - 1].e <= 2 &&
			    tok_in(c, &c->tok[j - 1], (const char *const[]){"ul", "ulica", "al", "aleja", "os", "pl", NULL}) &&
			    (c->tok[j - 1].e - c->tok[j - 1].s > 2 || c->t[c->tok[j - 1].e] == '.')) {
				street = true;
				start = c->tok[j - 1].s;
			}
			if (!street && !(street = bare_street(c, i, e + 1 + hn)))
				continue;
			bool venue = window_has(c, back(start, 100), start, venue_ctx);
			/* "Lies is verhuisd naar ...", "Mevrouw Bos woont naast het wijkcentrum": a person
			 * in the sentence makes it hers, whatever venue word is near */
			/* (a first name after "bel" or "mail" is the contact, wave 13) */
			static const char *const call[] = {"bel", "bellen", "mail", "mailen", "app", "appen", "vraag",
				"contact", NULL};
			for (size_t q = i; venue && q-- > 0 && c->tok[q].sent == k->sent;) {
				/* (a first name that begins the street's own name is the street's,
				 * "aan de Jan Pietersz Coenstraat 10", wave 13) */
				bool part = true;
				for (size_t z = q; z < i && part; z++)
					part = c->tok[z].cap && joined(c, z);
				if ((c->tok[q].flags & (W_TITLE | W_FAMILY)) ||
				    (c->tok[q].cap && (c->tok[q].flags & W_FIRST) && !(c->tok[q].flags & (W_AMBIG | W_ROLE)) &&
				     !(q > 0 && tok_in(c, &c->tok[q - 1], call)) && !part))
					venue = false;
			}
			add_finding(c, SCAN_ADDRESS, start, e + 1 + hn, venue ? 0.4 : 0.75);
		} else if (i >= 2 && c->tok[i - 1].cap && k->e - k->s <= 9 && joined(c, i - 1)) {
			/* English: number before the street name */
			static const char *const en[] = {"Street", "Road", "Avenue", "Lane", "Drive", "Close", NULL};
			for (const char *const *q = en; *q; q++) {
				size_t m = strlen(*q);
				if (m != k->e - k->s || memcmp(c->t + k->s, *q, m) != 0)
					continue;
				size_t p = c->tok[i - 1].s;
				if (p < 2 || c->t[p - 1] != ' ' || c->t[p - 2] < '0' || c->t[p - 2] > '9')
					continue;
				size_t st = p - 2;
				while (st > 0 && p - st < 6 && c->t[st - 1] >= '0' && c->t[st - 1] <= '9')
					st--;
				add_finding(c, SCAN_ADDRESS, st, k->e, 0.75);
			}
		}
	}
}

static void scan_addresses(struct ctx *c)
{
	size_t off = 0, s, e;
	while (next_match(c, P_POSTCODE, &off, &s, &e)) {
		size_t k = e - 2;
		while (k > s && c->t[k - 1] >= 'A')
			k--;
		const char *const *q;
		for (q = pc_skip; *q; q++)
			if (strlen(*q) == e - k && memcmp(*q, c->t + k, e - k) == 0)
				break;
		if (*q)
			continue;
		bool venue = window_has(c, back(s, 100), s, venue_ctx);
		add_finding(c, SCAN_ADDRESS, s, e, venue ? 0.4 : 0.7);
	}
	scan_streets(c);
}

static const char *const meeting_ctx[] = {"vergader", "overleg", "bijeenkomst", "cursus",
	"training", "lokaal", "workshop", "presentatie", "sollicitatie", "spreekuur", "loket",
	"meeting", "lezing", "examen", "taalles", "hotel", "spreker", "sprekers", "gasten", "hostel",
	"vergaderkamer", "zalen", NULL};

/*
 * After batch 48: a care organisation's own numbering, letters, a hyphen
 * and digits ("JZ-20417", "GGZ-004718", "CL-88213"), right after the word
 * for whom it numbers ("cliënt WV-31177", "dossier JZ-...") or in brackets
 * right after a name ("mevr. Vos (CL-88213)", "Jan (nr 20094417)").  Norms and versions are
 * neither ("NEN-7510", "COVID-19": fewer digits, no person).
 */
static bool only_space(const struct ctx *c, size_t a, size_t b);

static void scan_coded_numbers(struct ctx *c)
{
	static const char *const whose[] = {"cliënt", "client", "cliënte", "patiënt", "patient", "patiënte",
		"bewoner", "bewoonster", "dossier", "deelnemer", "jeugdige", "pupil", NULL};
	for (const char *q = c->t, *end = c->t + c->len; (q = memchr(q, '-', (size_t)(end - q))); q++) {
		size_t h = (size_t)(q - c->t), s = h, e = h + 1;
		while (s > 0 && h - s < 5 && c->t[s - 1] >= 'A' && c->t[s - 1] <= 'Z')
			s--;
		while (e < c->len && e - h <= 9 && digit_at(c, e))
			e++;
		if (h - s < 2 || h - s > 4 || e - h - 1 < 4 || e - h - 1 > 8 ||
		    (s > 0 && (is_letter_byte(c->t, s - 1, c->len) || digit_at(c, s - 1) || c->t[s - 1] == '-')) ||
		    (e < c->len && (is_letter_byte(c->t, e, c->len) || digit_at(c, e) || c->t[e] == '-')))
			continue;
		char w[16];
		size_t ws;
		bool ok = word_before(c, s, w, sizeof w, &ws) && in_list(w, whose) && only_space(c, ws + strlen(w), s);
		if (!ok && s > 0 && c->t[s - 1] == '(' && e < c->len && c->t[e] == ')') {
			/* the names found so far are not sorted yet: look at each */
			for (size_t k = 0; k < c->out->n && !ok; k++) {
				const struct scan_finding *x = &c->out->v[k];
				ok = x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF && x->end < s &&
				     only_space(c, x->end, s - 1);
			}
		}
		if (ok)
			add_late(c, SCAN_PATIENT_NUMBER, s, e, 0.9);
		q = c->t + e - 1;
	}
	/* after batch 52: "Jan-Willem (nr 20094417) kan morgen op de nuchtere
	 * lijst": a bare "nr" in brackets right after a name, six digits or more */
	for (const char *q = c->t, *end = c->t + c->len; (q = memmem(q, (size_t)(end - q), "(nr", 3)); q += 3) {
		size_t b = (size_t)(q - c->t), s = b + 3;
		if (s < c->len && c->t[s] == '.')
			s++;
		while (s < c->len && c->t[s] == ' ' && s - b < 6)
			s++;
		size_t e = s;
		while (e < c->len && digit_at(c, e) && e - s <= 10)
			e++;
		if (e - s < 6 || e - s > 10 || s == b + 3 || e >= c->len || c->t[e] != ')')
			continue;
		bool ok = false;
		for (size_t k = 0; k < c->out->n && !ok; k++) {
			const struct scan_finding *x = &c->out->v[k];
			ok = x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF && x->end <= b && only_space(c, x->end, b);
		}
		if (ok)
			add_late(c, SCAN_PATIENT_NUMBER, s, e, 0.9);
	}
}

/* s..e is a time of day ("01.00", "9:30") with "uur", "tot" or a dash
 * after it, or "van", "om", "tot", "vanaf", "tussen" before it. */
static bool time_of_day(const struct ctx *c, size_t s, size_t e)
{
	size_t n = e - s, sep = n == 5 ? 2 : n == 4 ? 1 : 0;
	if (!sep || (c->t[s + sep] != '.' && c->t[s + sep] != ':'))
		return false;
	for (size_t p = s; p < e; p++)
		if (p != s + sep && !(c->t[p] >= '0' && c->t[p] <= '9'))
			return false;
	int h = sep == 2 ? (c->t[s] - '0') * 10 + c->t[s + 1] - '0' : c->t[s] - '0';
	int m = (c->t[s + sep + 1] - '0') * 10 + c->t[s + sep + 2] - '0';
	if (h > 24 || m > 59)
		return false;
	size_t q = e;
	while (q < c->len && c->t[q] == ' ')
		q++;
	if (q < c->len && (c->t[q] == '-' || ((q + 3 <= c->len && !memcmp(c->lt + q, "uur", 3)) ||
	                                      (q + 3 <= c->len && !memcmp(c->lt + q, "tot", 3)))))
		return true;
	size_t t = tok_first_at(c, s);
	return t > 0 && t <= c->ntok && c->tok[t - 1].e <= s &&
	       tok_in(c, &c->tok[t - 1], (const char *const[]){"van", "om", "tot", "vanaf", "tussen", NULL});
}

static void scan_patterns(struct ctx *c)
{
	size_t off = 0, s, e;
	scan_iban(c);
	/* The "not after a word, '+' or '/'" test is done here, not as a lookbehind,
	 * which would keep PCRE2 from skipping ahead to the next digit. */
	while (next_match(c, P_NUMBER, &off, &s, &e)) {
		if (s > 0 && c->t[s] != '+' && strchr("@+./,-_", c->t[s - 1]) && c->t[s - 1])
			continue;
		if (s > 0 && (is_letter_byte(c->t, s - 1, c->len) || (c->t[s - 1] >= '0' && c->t[s - 1] <= '9')))
			continue;
		number_run(c, s, e);
	}
	scan_addresses(c);
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *lt = &c->tok[t];
		if (!(lt->flags & W_PLABEL)) {
			/* "Client-ID", "WLZ-nummer": the head before the hyphen is the label;
			 * "JGZ-dossier", "GGZ-nummer": or the word after it */
			const char *h = memchr(c->t + lt->s, '-', lt->e - lt->s);
			if (!h || (!(lookup(c->t + lt->s, (size_t)(h - c->t) - lt->s) & W_PLABEL) &&
			           !(lookup(h + 1, c->t + lt->e - (h + 1)) & W_PLABEL)))
				continue;
		}
		off = lt->s;
		if (!next_match(c, P_PATIENT, &off, &s, &e))
			continue;
		size_t ms = s;
		group1(c, &s, &e);
		while (e > s && (c->t[e - 1] == ' ' || c->t[e - 1] == '.' || c->t[e - 1] == '-'))
			e--;
		/* "dossier van 2019": a year is no number */
		if (e - s == 4 && (c->t[s] == '1' || c->t[s] == '2') && (c->t[s + 1] == '9' || c->t[s + 1] == '0'))
			continue;
		/* wave 24 (batch 102): "Het EPD ligt van 01.00 tot 04.00 uur plat": a
		 * time of day is no number */
		if (time_of_day(c, s, e))
			continue;
		/* round 4 (batch 105): a percentage ("NHG-standaard 88-92%") */
		{
			size_t q = e;
			while (q < c->len && c->t[q] == ' ')
				q++;
			if (q < c->len && c->t[q] == '%')
				continue;
		}
		/* round 19 (batch 140): "vragen wij u uw klantnummer te verwijderen
		 * en ons te bellen op 046 - 437 90 10": a number the words between
		 * give to call is a phone's */
		if (window_has(c, ms, s, (const char *const[]){"bellen", "bel", "belt", "tel", "telefoon",
		                                              "telefoonnummer", "whatsapp", "whatsappen", "sms", NULL}))
			continue;
		bool staff = window_has(c, ms, s, (const char *const[]){"big", "agb", NULL});
		/* after batch 40: "Ons KvK-nummer 61234567 en AGB-code 12345678
		 * staan onderaan elke factuur": a practice's own codes (public
		 * registers) */
		bool own = staff && window_has(c, back(ms, 80), ms, (const char *const[]){"ons", "onze", "kvk", NULL});
		add_finding(c, SCAN_PATIENT_NUMBER, s, e, own ? 0.4 : staff ? 0.7 : 0.9);
	}
	size_t meet_sent = SIZE_MAX;
	bool meet_val = false;
	for (size_t t = 0; t < c->ntok; t++) {
		if (!(c->tok[t].flags & W_RLABEL))
			continue;
		off = c->tok[t].s;
		if (!next_match(c, P_ROOM, &off, &s, &e))
			continue;
		/* "De vergadering is in kamer 12": a meeting room, not a client's */
		size_t si = c->tok[t].sent;
		/* once per sentence: a sentence with many rooms read it again for each (quadratic) */
		if (si != meet_sent) {
			meet_val = sentence_has(c, si, meeting_ctx);
			meet_sent = si;
		}
		bool meeting = meet_val;
		/* wave 30 (batch 125): the room a meeting is held in, named right
		 * before it ("woensdag teamoverleg in kamer 2.14"; a client in the
		 * meeting's notes keeps their room: "MDO: mw. Boukhari, kamer 203") */
		if (!meeting && t >= 2 && c->tok[t - 2].sent == si &&
		    tok_in(c, &c->tok[t - 1], (const char *const[]){"in", "op", NULL}) &&
		    tok_in(c, &c->tok[t - 2], (const char *const[]){"teamoverleg", "werkoverleg", "overleg", "vergadering",
		                                                     "teamvergadering", "intervisie", "scholing", "mdo",
		                                                     "teamdag", "training", "cursus", NULL}))
			meeting = true;
		/* "kamer 3.04": the numbering of offices as well as of rooms; a
		 * client's only with a person in the sentence */
		/* "zaal 3", "unit 4", "studio 4": halls, wings and broadcasters too;
		 * "stoel 7", "suite 2", "woonunit 14" (wave 11): chairs and units too */
		static const char *const strong[] = {"kamer", "kmr", "bed", "room", "app", "box", NULL};
		bool weak = true;
		for (const char *const *q = strong; *q && weak; q++)
			weak = strncasecmp(c->t + c->tok[t].s, *q, strlen(*q)) != 0;
		if (!meeting && (weak || memchr(c->t + s, '.', e - s))) {
			bool person = false;
			/* within 40 words either way, so a long sentence costs no more */
			for (size_t k = t + 1; k < c->ntok && k <= t + 40 && c->tok[k].sent == si && !person; k++)
				person = (c->tok[k].flags & (W_TITLE | W_FAMILY)) != 0;
			for (size_t k = t; k-- > 0 && k + 40 >= t && c->tok[k].sent == si && !person;)
				person = (c->tok[k].flags & (W_TITLE | W_FAMILY)) ||
				         (c->tok[k].cap && !c->tok[k].first && (c->tok[k].flags & (W_FIRST | W_SUR)));
			meeting = !person;
		}
		add_finding(c, SCAN_ROOM, s, e, meeting ? 0.4 : 0.75);
	}
}

/* --- names */

/* Word ends with the lower-case ASCII suffix m bytes long, ASCII letters
 * compared without case.  Equal to lowering the word with lower_utf8 and
 * comparing: lower_utf8 changes ASCII bytes only by their own case, and no
 * other byte lowers to ASCII. */
static bool ends_with_ascii(const char *w, size_t n, const char *suf, size_t m)
{
	if (n < m)
		return false;
	w += n - m;
	for (size_t i = 0; i < m; i++) {
		unsigned char ch = (unsigned char)w[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch + 32);
		if (ch != (unsigned char)suf[i])
			return false;
	}
	return true;
}

static bool org_suffix(const struct ctx *c, const struct tok *k)
{
	/* lengths kept with the words: this runs for every capitalised token */
	static const struct lit suf[] = {LIT("ziekenhuis"), LIT("kliniek"), LIT("centrum"), LIT("huis"),
		LIT("zorg"), LIT("hof"), LIT("school"), LIT("college"), LIT("fonds"), LIT("stichting"),
		LIT("groep"), LIT("instituut"), LIT("gasthuis"), LIT("hospice"), LIT("praktijk"),
		LIT("apotheek"), LIT("park"), LIT("plein"), LIT("straat"), LIT("laan"), LIT("weg"), LIT("kade"),
		LIT("winkel"),
		/* after batch 38: "Bakkerij Van der Meulen", "Installatiebedrijf Jansen" */
		LIT("erij"), LIT("bedrijf"), LIT("handel"), LIT("garage"), LIT("salon"), LIT("kantoor")};
	size_t n = k->e - k->s;
	if (n > 64 || (k->flags & (W_SUR | W_FIRST)))
		return false;
	/* (the lowered text: every suffix is lower-case ASCII; its last byte first) */
	const char *w = c->lt + k->s;
	for (size_t i = 0; i < sizeof suf / sizeof suf[0]; i++)
		if (n >= suf[i].n && w[n - 1] == suf[i].s[suf[i].n - 1] && !memcmp(w + n - suf[i].n, suf[i].s, suf[i].n))
			return true;
	return false;
}

static bool orgish(const struct ctx *c, size_t i)
{
	const struct tok *k = &c->tok[i];
	return k->cap && ((k->flags & W_ORG) || org_suffix(c, k));
}

static bool namey(const struct tok *k)
{
	return k->cap && !k->acronym && !(k->flags & (W_NONAME | W_ORG | W_TITLE | W_ROLE | W_GREET | W_PRONOUN | W_DEPT)) &&
	       !(k->single && !k->dot);
}

static bool only_space(const struct ctx *c, size_t a, size_t b)
{
	for (size_t p = a; p < b; p++)
		if (c->t[p] != ' ' && c->t[p] != '.' && c->t[p] != '\t')
			return false;
	return true;
}

static bool joined(const struct ctx *c, size_t k)
{
	for (size_t p = c->tok[k].e; p < c->tok[k + 1].s; p++)
		if (c->t[p] != ' ' && c->t[p] != '-' && c->t[p] != '\'')
			return false;
	return c->tok[k + 1].sent == c->tok[k].sent;
}

#define NONE ((size_t)-1)

/* Capitalised surname at i, possibly after up to three prefixes; the last token used, or NONE. */
static size_t surname_run(const struct ctx *c, size_t i)
{
	size_t j = i;
	while (j < c->ntok && (c->tok[j].flags & W_PREFIX) && j - i < 3 && c->tok[j].e - c->tok[j].s <= 5) {
		if (j + 1 >= c->ntok || !joined(c, j))
			return NONE;
		j++;
	}
	if (j >= c->ntok || !namey(&c->tok[j]) || c->tok[j].single)
		return NONE;
	if (j > i && !joined(c, j - 1))
		return NONE;
	return j;
}

static bool preposition(const struct ctx *c, size_t i)
{
	static const char *const v[] = {"op", "in", "uit", "tot", "het", "en", NULL};
	size_t n = c->tok[i].e - c->tok[i].s;
	for (const char *const *p = v; *p; p++)
		if (strlen(*p) == n && memcmp(c->t + c->tok[i].s, *p, n) == 0)
			return true;
	return false;
}

/* The end of the run of capitalised words and prefixes starting at i (for organisation names). */
static size_t cap_run(const struct ctx *c, size_t i)
{
	size_t j = i;
	while (j + 1 < c->ntok && joined(c, j) &&
	       (c->tok[j + 1].cap || ((c->tok[j + 1].flags & W_PREFIX) && !preposition(c, j + 1))) && j - i < 6)
		j++;
	while (j > i && !c->tok[j].cap)
		j--;
	return j;
}

static bool ends_with_any(const struct ctx *c, const struct tok *k, const char *const *suf)
{
	char low[64];
	size_t n = k->e - k->s;
	if (n > sizeof low)
		return false;
	memcpy(low, c->lt + k->s, n);
	for (const char *const *p = suf; *p; p++) {
		size_t m = strlen(*p);
		if (n >= m && memcmp(low + n - m, *p, m) == 0)
			return true;
	}
	return false;
}

static bool specialty(const struct ctx *c, const struct tok *k)
{
	static const char *const suf[] = {"kunde", "kundige", "ologie", "zorg", "specialist",
		"psychiatrie", "therapie", "verpleging", "revalidatie", "hulp", "werk", NULL};
	return ends_with_any(c, k, suf);
}

/* "activiteitenbegeleiding", "planningsteam": departments by their ending */
static bool dept_suffix(const struct ctx *c, const struct tok *k)
{
	static const char *const suf[] = {"begeleiding", "afdeling", "team", "dienst", "zaken",
		"receptie", "administratie", "secretariaat", "planning", "kantoor", "praktijk",
		"bureau", "raad", "loket", "centrale", "desk", "steunpunt", NULL};
	char low[64];
	size_t n = k->e - k->s;
	if (n > sizeof low || n < 4)
		return false;
	memcpy(low, c->lt + k->s, n);
	for (const char *const *p = suf; *p; p++) {
		size_t m = strlen(*p);
		if (n >= m && memcmp(low + n - m, *p, m) == 0)
			return true;
	}
	return false;
}

/* "oud-bestuurder", "buurtsportcoach", "wijkverpleegkundige": a compound
 * or hyphenated word whose last part is a role is a role too (asked only
 * next to a name, so ordinary text pays nothing). */
/* The heads of role words (role_like, role_plural) */
static const char *const role_heads[] = {"coach", "bestuurder", "coördinator", "coordinator",
	"medewerker", "manager", "leider", "begeleider", "verpleegkundige", "consulent",
	"adviseur", "regisseur", "werker", "functionaris", "therapeut", "directeur",
	"voorzitter", "secretaris", "penningmeester", "wethouder", "burgemeester",
	/* wave 8 */
	"wetenschapper", "deskundige", "kundige", "assistent", "assistente", "psycholoog",
	/* wave 11 */
	"verzorgende", "verzorgster", "verzorger", "diëtist", "logopedist", "apotheker",
	/* public figures: "Oud-president Ronald Reagan", "Rolstoeltennisster Diede de Groot" */
	"president", "premier", "minister", "tennisster", "sporter", "speelster", "kampioen", "atleet",
	"voetballer", "zanger", "zangeres", "acteur", "actrice", "schrijver", "schrijfster",
	/* wave 12: "cultuurtolk", "verpleeghuisarts", "cliëntondersteuner" */
	"tolk", "arts", "ondersteuner", "vrijwilliger", "specialist", "pedagoog", "agoog", "docent",
	"trainer", "instructeur",
	/* after batches 37 and 38 */
	"officer", "wachter", "ombudsman", "ombudsvrouw", NULL};

static bool role_like(const struct ctx *c, const struct tok *k)
{
	if (k->flags & W_ROLE)
		return true;
	size_t n = k->e - k->s;
	/* wave 15: "SCEN-arts Jacqueline Bos", "GZ-psycholoog Ilse": a capital
	 * part, a hyphen, then a lower-case role */
	if (k->cap && !k->first && n < 40) {
		const char *h = c->t + k->e;
		while (h > c->t + k->s && h[-1] != '-')
			h--;
		h = h > c->t + k->s ? h - 1 : NULL;
		if (h && h + 1 < c->t + k->e && h[1] >= 'a' && h[1] <= 'z') {
			size_t hl = (size_t)(c->t + k->e - (h + 1));
			if (lookup(h + 1, hl) & W_ROLE)
				return true;
			for (const char *const *r = role_heads; *r; r++)
				if (hl == strlen(*r) && memcmp(h + 1, *r, hl) == 0)
					return true;
		}
	}
	/* capitalised only where a sentence starts: "Schoolverpleegkundige Chantal Verweij" */
	if ((k->cap && !k->first) || n < 6 || n > 40)
		return false;
	char low[48];
	memcpy(low, c->lt + k->s, n);
	low[n] = '\0';
	/* the head alone as well ("onze assistente Sevda", "geestelijk
	 * verzorger Jan-Willem"), or at the end of a compound; after batch 28
	 * in the plural too ("Onze fysiotherapeuten Daan en Esra", "ambulant
	 * begeleiders Joyce en Mehmet") */
	for (int plural = 0; plural < 3; plural++) {
		size_t w = n;
		if (plural == 1 && n > 6 && (low[n - 1] == 's' || low[n - 1] == 'n'))
			w = n - 1; /* "begeleiders", "verpleegkundigen" */
		else if (plural == 2 && n > 7 && low[n - 1] == 'n' && low[n - 2] == 'e')
			w = n - 2; /* "therapeuten" */
		else if (plural)
			continue;
		for (const char *const *h = role_heads; *h; h++) {
			size_t m = strlen(*h);
			if ((w == m || w > m + 1) && memcmp(low + w - m, *h, m) == 0)
				return true;
		}
		if (plural && (lookup(low, w) & W_ROLE))
			return true;
	}
	return false;
}

/* Wave 24 (batches 102-103): a role in the plural the way role_like does not
 * read it — "-es" ("buurtcoaches") and after a capital part and a hyphen
 * ("SEH-artsen", "GZ-psychologen"). */
static bool role_plural(const struct ctx *c, const struct tok *k)
{
	const char *p = c->t + k->s, *e = c->t + k->e;
	for (const char *h = e; h > p; h--)
		if (h[-1] == '-') {
			p = h;
			break;
		}
	size_t n = (size_t)(e - p);
	char low[48];
	if (n < 4 || n >= sizeof low)
		return false;
	lower_utf8(p, n, low);
	low[n] = '\0';
	/* "-es", "-s", "-n" ("verpleegkundigen"), "-en" ("artsen"); round 21
	 * (batch 142): "Koks zijn Wim, Latifa en Gerda", the one role of three
	 * letters with "-s" */
	size_t cut[4] = {n >= 7 && !strcmp(low + n - 2, "es") ? n - 2 : 0,
	                 (n >= 6 || !strcmp(low, "koks")) && low[n - 1] == 's' ? n - 1 : 0,
	                 n >= 6 && low[n - 1] == 'n' ? n - 1 : 0, n >= 6 && !strcmp(low + n - 2, "en") ? n - 2 : 0};
	for (size_t q = 0; q < 4; q++) {
		size_t w = cut[q];
		if (!w)
			continue;
		for (const char *const *h = role_heads; *h; h++) {
			size_t m = strlen(*h);
			if ((w == m || w > m + 1) && memcmp(low + w - m, *h, m) == 0)
				return true;
		}
		if (lookup(low, w) & W_ROLE)
			return true;
	}
	return false;
}

/*
 * wave 13: a care note's heading, then a name: "Late dienst: Pieter heeft
 * weer een wond", "Dienst 7-15: Sanne op k4", "Update van de kinderarts:
 * Mila heeft coeliakie".  The name is the client the note is about, not a
 * member of staff: the heading is a shift, or the name opens a clause.
 */
static bool note_subject(const struct ctx *c, size_t i, size_t last)
{
	const struct tok *k = &c->tok[i];
	if (i == 0 || c->tok[i - 1].sent != k->sent || !memchr(c->t + c->tok[i - 1].e, ':', k->s - c->tok[i - 1].e))
		return false;
	static const char *const shift[] = {"dienst", "nachtdienst", "avonddienst", "dagdienst", "ochtenddienst",
		"vroege", "late", "overdracht", "rapportage", "shiftnote", "shift", "handover", "nachtrapport",
		"dagrapport", "update", "verslag", NULL};
	for (size_t b = i; b-- > 0 && c->tok[b].sent == k->sent;)
		if (tok_in(c, &c->tok[b], shift))
			return true;
	static const char *const verbs[] = {"heeft", "had", "ligt", "lag", "krijgt", "kreeg", "mag", "moet",
		"zit", "zat", "voelt", "voelde", "slaapt", "sliep", "eet", "at", "valt", "viel", "kan", "kon", NULL};
	/* wave 14: "Dagbesteding De Wilg: Hennie was vandaag weer erg onrustig"; not
	 * after a role's heading ("Vrijwilliger van de maand: Gerrit was ...") */
	static const char *const past[] = {"was", "raakte", "liep", "huilde", "werd", NULL};
	if (last + 1 >= c->ntok || c->tok[last + 1].sent != k->sent)
		return false;
	if (tok_in(c, &c->tok[last + 1], verbs))
		return true;
	if (!tok_in(c, &c->tok[last + 1], past))
		return false;
	for (size_t b = i; b-- > 0 && c->tok[b].sent == k->sent;)
		if (role_like(c, &c->tok[b]))
			return false;
	return true;
}

/* Where what follows a contact's name starts ("Anita op 0345-…", "Ria Smit,
 * r.smit@…", "Jitske: 0513 …"): past spaces, ',', ':', '(' and one "op". */
static size_t after_contact_name(const struct ctx *c, size_t e)
{
	size_t p = e;
	while (p < c->len && (c->t[p] == ' ' || c->t[p] == ',' || c->t[p] == ':' || c->t[p] == '('))
		p++;
	if (p + 3 < c->len && c->t[p] == 'o' && c->t[p + 1] == 'p' && c->t[p + 2] == ' ')
		p += 3;
	return p;
}

/*
 * wave 14: a contact to call or write, as notices and vacancies give one:
 * "bel Priscilla van P&O", "Belje mei Jitske: 0513 - 61 44 90", "app Kees
 * op 06-…".  The verb before the name, and after it a department or an
 * organisation ("van P&O", "van de receptie") or a phone number.
 */
static bool contact_person(const struct ctx *c, size_t i, size_t last)
{
	static const char *const verbs[] = {"bel", "mail", "app", "bellen", "mailen", "appen", "contacteer",
		"belje", "mailtje", "call", NULL};
	static const char *const with[] = {"met", "mei", "naar", NULL};
	const struct tok *k = &c->tok[i];
	if (i == 0 || c->tok[i - 1].sent != k->sent)
		return false;
	bool verb = tok_in(c, &c->tok[i - 1], verbs) ||
	            (i > 1 && c->tok[i - 2].sent == k->sent && tok_in(c, &c->tok[i - 1], with) &&
	             tok_in(c, &c->tok[i - 2], verbs));
	if (!verb)
		return false;
	size_t p = after_contact_name(c, c->tok[last].e);
	size_t digits = 0;
	for (size_t q = p; q < c->len && q < p + 20; q++) {
		if (c->t[q] >= '0' && c->t[q] <= '9')
			digits++;
		else if (c->t[q] != ' ' && c->t[q] != '-' && c->t[q] != '+' && c->t[q] != '(' && c->t[q] != ')')
			break;
	}
	if (digits >= 9)
		return true;
	size_t j = last + 1;
	if (j + 1 >= c->ntok || c->tok[j + 1].sent != k->sent || c->tok[j].e - c->tok[j].s != 3 ||
	    strncmp(c->t + c->tok[j].s, "van", 3) != 0)
		return false;
	const struct tok *d = &c->tok[j + 1];
	if (d->flags & (W_DEPT | W_ORG))
		return true;
	if (d->acronym || (d->e - d->s == 1 && d->cap))
		return true;
	return j + 2 < c->ntok && c->tok[j + 2].sent == k->sent && !d->cap && (d->e - d->s == 2 || d->e - d->s == 3) &&
	       (strncmp(c->t + d->s, "de", 2) == 0 || strncmp(c->t + d->s, "het", 3) == 0) &&
	       (c->tok[j + 2].flags & (W_DEPT | W_ORG));
}

/* wave 14: "Solliciteren via werken@… t.a.v. mevrouw R. Bakker": the
 * person a vacancy's letters go to (a title there makes no client) */
static bool vacancy_fao(const struct ctx *c, size_t s)
{
	size_t p = s;
	while (p > 0 && c->t[p - 1] == ' ')
		p--;
	if (p > 0 && c->t[p - 1] == '.')
		p--;
	return p >= 5 && memcmp(c->lt + p - 5, "t.a.v", 5) == 0 && window_has(c, back(s, 300), s, vacancy_ctx);
}

/* wave 14: a roster names staff: "Rooster kerst: vroeg 24/12 Jolien en Bas",
 * "Dienstrooster week 2: ma Gerrit + Sevda" */
static bool roster_read(const struct ctx *c, size_t sent);

static bool roster_sentence(const struct ctx *c, size_t sent)
{
	if (!c->roster_memo[sent])
		c->roster_memo[sent] = roster_read(c, sent) ? 2 : 1;
	return c->roster_memo[sent] == 2;
}

/* The days of the week, with their two-letter forms ("ma en do Ruud"):
 * rosters (roster_read) and an evening's date (demote_event_dates). */
static const char *const weekdays[] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
	"zondag", "ma", "di", "wo", "do", "vr", "za", "zo", NULL};

/* wave 29 (batch 121): a day and a colon before the name ("ma: Irma · di:
 * Kevin · do: Irma & Jorn") */
static bool day_colon(const struct ctx *c, size_t t)
{
	size_t p = c->tok[t].e;
	if (p >= c->tok[t + 1].s || c->t[p] != ':')
		return false;
	while (++p < c->tok[t + 1].s)
		if (c->t[p] != ' ')
			return false;
	return true;
}

static bool roster_read(const struct ctx *c, size_t sent)
{
	static const char *const heads[] = {"rooster", "roosters", "dienstrooster", "roosterwijziging", "bezetting",
		"overblijfrooster", "diensten", "weekrooster", "nachtrooster", "kerstrooster", "oproepdiensten", NULL};
	size_t t = tok_first_at(c, c->sent_at[sent]);
	if (t < c->ntok && c->tok[t].sent == sent && tok_in(c, &c->tok[t], heads))
		return true;
	/* after batch 39: "Bezorgrooster maaltijdservice week 51: route Noord Hennie" */
	if (t < c->ntok && c->tok[t].sent == sent && c->tok[t].e - c->tok[t].s > 7 &&
	    ends_with_ascii(c->t + c->tok[t].s, c->tok[t].e - c->tok[t].s, "rooster", 7))
		return true;
	/* after batch 38: days and names in turn ("maandag Karin, dinsdag
	 * Wouter, woensdag vrij"): two days each followed by a capital */
	int pairs = 0, after = 0;
	for (; t + 1 < c->ntok && c->tok[t + 1].sent == sent && pairs < 2 && after < 2; t++) {
		if (c->tok[t + 1].cap && tok_in(c, &c->tok[t], weekdays) &&
		    ((!c->tok[t + 1].first && joined(c, t)) || day_colon(c, t)))
			pairs++;
		/* wave 29 (batch 122): the name first, its days after ("Jelle
		 * ma/wo, Naima di/do, Bas vr."): a first name, a day, then '/', ','
		 * or the sentence's end */
		else if (c->tok[t].cap && (c->tok[t].flags & W_FIRST) && tok_in(c, &c->tok[t + 1], weekdays) &&
		         only_space(c, c->tok[t].e, c->tok[t + 1].s) &&
		         (c->tok[t + 1].e >= c->len || strchr("/,.;", c->t[c->tok[t + 1].e])))
			after++;
	}
	return pairs >= 2 || after >= 2;
}

/* wave 14: "Welkom aan onze nieuwe collega's Yonas, Agnieszka en Mei-Ling" */
static bool new_colleague(const struct ctx *c, size_t i)
{
	static const char *const coll[] = {"collega", "collega's", "collegas", "teamleden", "teamgenoten",
		"stagiairs", "stagiaires", "stagiair", "stagiaire", "medewerkers", "medewerker", NULL};
	static const char *const hello[] = {"welkom", "nieuwe", "verwelkomen", "welcome", NULL};
	const struct tok *k = &c->tok[i];
	for (size_t b = i; b-- > 0 && b + 9 > i && c->tok[b].sent == k->sent;) {
		if (!tok_in(c, &c->tok[b], coll))
			continue;
		/* only a list of names right after it ("nieuwe collega's: welkom Ayoub, Femke en
		 * Dirk-Jan"): "De nieuwe medewerker vond Kees op de vloer" is a client */
		for (size_t m = b + 1; m < i; m++) {
			const struct tok *t = &c->tok[m];
			bool glue = t->e - t->s <= 3 && (strncmp(c->t + t->s, "en", 2) == 0 || strncmp(c->t + t->s, "of", 2) == 0 ||
			                                 strncmp(c->t + t->s, "and", 3) == 0);
			if (!t->cap && !glue && !tok_in(c, t, hello))
				return false;
		}
		for (size_t h = b; h-- > 0 && c->tok[h].sent == k->sent;)
			if (tok_in(c, &c->tok[h], hello))
				return true;
		return false;
	}
	return false;
}

/* A word of dets from token `from` up to token `to` within sentence sent,
 * with a role right after it or one word later ("onze wijkcoach", "de
 * nieuwe manager zorg", "onze Tigrinya-sprekende cultuurtolk"). */
static bool role_after_det(const struct ctx *c, size_t from, size_t to, size_t sent, const char *const *dets)
{
	for (size_t d = from; d + 1 < c->ntok && d <= to && c->tok[d].sent == sent; d++)
		if (tok_in(c, &c->tok[d], dets) &&
		    (role_like(c, &c->tok[d + 1]) || (d + 2 < c->ntok && joined(c, d + 1) && role_like(c, &c->tok[d + 2]))))
			return true;
	return false;
}

/* Staff and public figures: a role before the name, or a greeting that signs the post. */
/* Token k is a role word, and not one inside an address
 * ("marjolein.vrijwilliger@hotmail.com"). */
static bool role_word_here(const struct ctx *c, const struct tok *t)
{
	bool in_addr = (t->s > 0 && (c->t[t->s - 1] == '.' || c->t[t->s - 1] == '@')) ||
	               (t->e < c->len && (c->t[t->e] == '@' || (c->t[t->e] == '.' && t->e + 1 < c->len &&
	                                                         is_letter_byte(c->t, t->e + 1, c->len))));
	return !in_addr && role_like(c, t);
}

/* How many role words (role_word_here) sentence s holds: 0, 1 or 2 for two or more. */
static int sentence_roles(const struct ctx *c, size_t s)
{
	if (!c->role_memo[s]) {
		int n = 0;
		for (size_t d = tok_first_at(c, c->sent_at[s]); d < c->ntok && c->tok[d].sent == s && n < 2; d++)
			n += role_word_here(c, &c->tok[d]);
		c->role_memo[s] = (unsigned char)(1 + n);
	}
	return c->role_memo[s] - 1;
}

static bool staff_context(const struct ctx *c, size_t i, size_t last)
{
	const struct tok *k = &c->tok[i];
	if (note_subject(c, i, last))
		return false;
	/* wave 13: a contact for a notice: "Opgeven bij Ria", "Kaartjes bij Marco" */
	/* after batch 27: "Vragen aan Koos of Ilona", "Ruilen alleen via Femke" */
	if (i > 1 && c->tok[i - 1].sent == k->sent && c->tok[i - 2].sent == k->sent &&
	    tok_in(c, &c->tok[i - 1], (const char *const[]){"bij", "aan", "via", NULL})) {
		static const char *const asks[] = {"opgeven", "aanmelden", "kaartjes", "kaarten", "info", "informatie",
			"inschrijven", "vragen", "opgave", "aanmelding", "aanmeldingen", "reserveren", "bestellen",
			"intekenen", "inleveren", "melden", "afmelden", "loten", "tickets", "ruilen", "alleen",
			"reageren", "ziekmelden", "inlichtingen", "doorgeven",
			/* after batch 31: "loop even binnen bij Henriëtte van Loon" */
			"binnen", "langs",
			/* after batch 39: "met roostervragen terecht bij Gert-Jan" */
			"terecht",
			/* after batch 39: "meld je dan vóór 7.00 uur af bij Carolien" */
			"af",
			/* after batch 41: "Graag afgeven bij Tineke op de eerste verdieping" */
			"afgeven", "ophalen", "brengen", "inleveren", NULL};
		if (tok_in(c, &c->tok[i - 2], asks))
			return true;
	}
	/* wave 29 (batch 122): who gives a course named in quotes ("'Beter
	 * slapen' door Fatma; 'WRAP' door Arno en Miep") */
	if (i > 1 && c->tok[i - 1].sent == k->sent && c->tok[i - 1].e - c->tok[i - 1].s == 4 &&
	    memcmp(c->t + c->tok[i - 1].s, "door", 4) == 0) {
		size_t q = c->tok[i - 1].s;
		while (q > 0 && c->t[q - 1] == ' ')
			q--;
		if (q > 0 && (c->t[q - 1] == '\'' || c->t[q - 1] == '"' ||
		              (q >= 3 && !memcmp(c->t + q - 3, "\xe2\x80\x99", 3)) ||
		              (q >= 3 && !memcmp(c->t + q - 3, "\xe2\x80\x9d", 3))))
			return true;
	}
	/* wave 29 (batch 121): where to report, as an instruction ("Meld je dan
	 * even bij Esther of Rachid", "meldt u zich bij Anouk") */
	if (i > 1 && c->tok[i - 1].sent == k->sent && c->tok[i - 1].e - c->tok[i - 1].s == 3 &&
	    memcmp(c->t + c->tok[i - 1].s, "bij", 3) == 0) {
		for (size_t b = i - 1; b-- > 0 && b + 6 >= i && c->tok[b].sent == k->sent;)
			if (tok_in(c, &c->tok[b], (const char *const[]){"meld", "meldt", NULL}) && b + 1 < i - 1 &&
			    tok_in(c, &c->tok[b + 1], (const char *const[]){"je", "u", "jullie", "zich", NULL}))
				return true;
	}
	/* after batch 39: "Tijdens de vakantie van Ans kun je ... terecht bij
	 * Gert-Jan": whose leave a post plans round is staff */
	if (i > 1 && c->tok[i - 1].sent == k->sent && c->tok[i - 2].sent == k->sent &&
	    c->tok[i - 1].e - c->tok[i - 1].s == 3 && memcmp(c->t + c->tok[i - 1].s, "van", 3) == 0 &&
	    tok_in(c, &c->tok[i - 2], (const char *const[]){"vakantie", "verlof", "afwezigheid", "vrije", NULL}))
		return true;
	/* after batch 39, an organisation's reply: "We hebben het aan Rianne en
	 * Mustafa doorgegeven" */
	if (i > 0 && c->tok[i - 1].sent == k->sent && c->tok[i - 1].e - c->tok[i - 1].s == 3 &&
	    memcmp(c->t + c->tok[i - 1].s, "aan", 3) == 0) {
		bool we = false, passed = false;
		for (size_t b = i - 1; b-- > 0 && b + 6 >= i && c->tok[b].sent == k->sent;)
			we |= tok_in(c, &c->tok[b], (const char *const[]){"we", "wij", NULL});
		for (size_t d = last + 1; we && d < c->ntok && d <= last + 6 && c->tok[d].sent == k->sent; d++)
			passed |= tok_in(c, &c->tok[d], (const char *const[]){"doorgegeven", "doorgestuurd", "overgebracht",
			                                                      "gegeven", "verteld", NULL});
		if (passed)
			return true;
	}
	/* after batch 32: "Agendapunten naar Jolanda.", "Appje naar Femke" */
	if (i > 1 && c->tok[i - 1].sent == k->sent && c->tok[i - 2].sent == k->sent &&
	    c->tok[i - 1].e - c->tok[i - 1].s == 4 && memcmp(c->t + c->tok[i - 1].s, "naar", 4) == 0 &&
	    tok_in(c, &c->tok[i - 2], (const char *const[]){"agendapunten", "appje", "appjes", "berichtje", "mailtje",
	                                                    "kopij", "ideeën", "suggesties", "aanmeldingen", "reacties",
	                                                    "vragen", NULL}))
		return true;
	/* wave 15: a practice or a post handed on: "Zijn praktijk wordt overgenomen
	 * door Sanne Timmer", "opgevolgd door", "wordt waargenomen door" */
	if (i > 1 && c->tok[i - 1].sent == k->sent && c->tok[i - 2].sent == k->sent &&
	    c->tok[i - 1].e - c->tok[i - 1].s == 4 && memcmp(c->t + c->tok[i - 1].s, "door", 4) == 0) {
		static const char *const handed[] = {"overgenomen", "opgevolgd", "waargenomen", "overgedragen", "voortgezet",
			/* after batch 37: "wordt bemand door Anita en Petra" */
			"bemand", "gepresenteerd", "verzorgd", "gegeven", "geleid", "georganiseerd",
			/* after batch 42: "begeleiding door Esther van Loon" */
			"begeleiding", "leiding", "presentatie", "organisatie", "gastles", "workshop", NULL};
		if (tok_in(c, &c->tok[i - 2], handed))
			return true;
	}
	/* after batch 35: "Zij volgt Erik van Dam op" */
	if (i > 0 && last + 1 < c->ntok && c->tok[i - 1].sent == k->sent && c->tok[last + 1].sent == k->sent &&
	    tok_in(c, &c->tok[i - 1], (const char *const[]){"volgt", "volgde", NULL}) &&
	    c->tok[last + 1].e - c->tok[last + 1].s == 2 && !strncmp(c->t + c->tok[last + 1].s, "op", 2))
		return true;
	/* after batch 28: "Ze neemt het stokje over van Willem Brouwer" */
	if (i > 1 && c->tok[i - 1].sent == k->sent && c->tok[i - 2].sent == k->sent &&
	    c->tok[i - 1].e - c->tok[i - 1].s == 3 && memcmp(c->t + c->tok[i - 1].s, "van", 3) == 0 &&
	    c->tok[i - 2].e - c->tok[i - 2].s == 4 && memcmp(c->t + c->tok[i - 2].s, "over", 4) == 0) {
		for (size_t b = i - 2; b-- > 0 && b + 6 >= i && c->tok[b].sent == k->sent;)
			if (tok_in(c, &c->tok[b], (const char *const[]){"neemt", "nam", "stokje", "taken", "werk", NULL}))
				return true;
	}
	if (contact_person(c, i, last) || new_colleague(c, i) || roster_sentence(c, k->sent))
		return true;
	if (vacancy_fao(c, k->s))
		return true;
	/* wave 13: "ze heet Lotte", "Ik ben Joris, ... geestelijk verzorger": a
	 * person introduced with a role in the same sentence */
	if (i > 1 && c->tok[i - 1].sent == k->sent && c->tok[i - 2].sent == k->sent) {
		static const char *const intro_v[] = {"heet", "ben", NULL};
		static const char *const intro_s[] = {"ik", "ze", "zij", "hij", NULL};
		if (tok_in(c, &c->tok[i - 1], intro_v) && tok_in(c, &c->tok[i - 2], intro_s)) {
			size_t from = tok_first_at(c, c->sent_at[k->sent]);
			/* a role word other than the name itself (the count is kept per
			 * sentence: a long sentence of many "ik ben X" was read once per name) */
			int nroles = sentence_roles(c, k->sent);
			if (nroles >= 2 || (nroles == 1 && !role_word_here(c, k)))
				return true;
			/* after batch 37: the sentence before brought a new one in
			 * ("Er is een nieuwe begeleider op groep Zon. Hij heet Mehmet") */
			for (size_t d = from; d-- > 1 && c->tok[d].sent + 1 == k->sent;)
				if (role_like(c, &c->tok[d]) &&
				    tok_in(c, &c->tok[d - 1], (const char *const[]){"nieuwe", "nieuw", NULL}))
					return true;
		}
	}
	if (i > 0 && role_like(c, &c->tok[i - 1]) && c->tok[i - 1].sent == k->sent)
		return true;
	/* "hoogleraar ouderengeneeskunde Cees Hertogh", "specialist ouderenzorg Anna" */
	if (i > 1 && (c->tok[i - 2].flags & W_ROLE) && !c->tok[i - 1].cap && c->tok[i - 2].sent == k->sent &&
	    specialty(c, &c->tok[i - 1]))
		return true;
	/* after batch 32: "Onze medewerker klantenservice Rianne"; after batch 36
	 * "casemanager dementie Marco Stel", "verpleegkundige diabetes Ilse" */
	if (i > 1 && c->tok[i - 2].sent == k->sent && !c->tok[i - 1].cap && role_like(c, &c->tok[i - 2]) &&
	    ((c->tok[i - 1].flags & (W_DEPT | W_MED)) || dept_suffix(c, &c->tok[i - 1])))
		return true;
	/* after batch 31: "Gerda Huisman werkt vandaag precies 40 jaar als verpleegkundige" */
	for (size_t d = last + 1, work = 0; d + 1 < c->ntok && d <= last + 9 && c->tok[d].sent == k->sent; d++) {
		/* after batch 37: "neemt afscheid als huismeester", "begint als" */
		if (tok_in(c, &c->tok[d], (const char *const[]){"werkt", "werkte", "werkzaam", "afscheid", "begint",
		                                                "begon", "start", "startte", "stopt", "stopte", "gestopt",
		                                                "vertrekt", "dienst", "slag", NULL}))
			work = 1;
		else if (work && c->tok[d].e - c->tok[d].s == 3 && !memcmp(c->t + c->tok[d].s, "als", 3) &&
		         c->tok[d + 1].sent == k->sent && role_like(c, &c->tok[d + 1]))
			return true;
	}
	if (i > 0 && (c->tok[i - 1].flags & W_GREET))
		return true;
	for (size_t b = 2; b <= 4 && b <= i; b++)
		if ((c->tok[i - b].flags & W_GREET) && c->tok[i - b].sent == k->sent)
			return true;
	/* "Onze nieuwe teamleider is Rachid Benali", "contactpersoon wordt Anna";
	 * round 21 (batch 142): "Koks zijn Wim, Latifa en Gerda", the role in
	 * the plural */
	if (i > 1 && c->tok[i - 2].sent == k->sent) {
		const struct tok *v = &c->tok[i - 1];
		size_t vl = v->e - v->s;
		bool zijn = vl == 4 && strncmp(c->t + v->s, "zijn", 4) == 0;
		if ((c->tok[i - 2].flags & W_ROLE) &&
		    ((vl == 2 && strncmp(c->t + v->s, "is", 2) == 0) || (vl == 5 && strncmp(c->t + v->s, "wordt", 5) == 0) ||
		     zijn || (vl == 4 && strncmp(c->t + v->s, "heet", 4) == 0)))
			return true;
		if (zijn && role_plural(c, &c->tok[i - 2]))
			return true;
	}
	/* "Vrijwilliger van de maand: Gerrit!": a role heads the sentence, a colon before the name */
	if (i > 0 && c->tok[i - 1].sent == k->sent && memchr(c->t + c->tok[i - 1].e, ':', k->s - c->tok[i - 1].e)) {
		for (size_t b = i; b-- > 0 && c->tok[b].sent == k->sent;)
			if (c->tok[b].first && ((c->tok[b].flags & (W_ROLE | W_DEPT)) ||
			                        /* after batch 41: "Contact: Esra Demir, 088-…" */
			                        tok_in(c, &c->tok[b], (const char *const[]){"contact", "info", "informatie",
			                                                                    "inlichtingen", "vragen", NULL})))
				return true;
	}
	/* after batch 42: "Contactpersoon voor de mantelzorgwaardering dit jaar is
	 * Marieke Bosch": the role opening the sentence, "is" right before the name */
	if (i > 1 && c->tok[i - 1].sent == k->sent &&
	    tok_in(c, &c->tok[i - 1], (const char *const[]){"is", "wordt", "zijn", "blijft", NULL})) {
		size_t from = tok_first_at(c, c->sent_at[k->sent]);
		if (from < i - 1 && (c->tok[from].flags & W_ROLE) && i - from <= 12)
			return true;
	}
	/* after batch 42: "verzorgd door het koor van Dirk Mooij" */
	if (i > 1 && c->tok[i - 1].sent == k->sent && c->tok[i - 1].e - c->tok[i - 1].s == 3 &&
	    memcmp(c->t + c->tok[i - 1].s, "van", 3) == 0 &&
	    tok_in(c, &c->tok[i - 2], (const char *const[]){"koor", "orkest", "band", "dansgroep", "toneelgroep",
	                                                    "zanggroep", "shantykoor", "combo", "kapel", NULL}))
		return true;
	/* "de planning: Kees of Mirjam" */
	if (i > 0 && (c->tok[i - 1].flags & W_DEPT) && c->tok[i - 1].sent == k->sent) {
		size_t p = c->tok[i - 1].e;
		while (p < k->s && (c->t[p] == ' ' || c->t[p] == ':'))
			p++;
		if (p == k->s && memchr(c->t + c->tok[i - 1].e, ':', k->s - c->tok[i - 1].e))
			return true;
	}
	/* "Kees of Mirjam", "Anouk en Bas" after a staff name: the same kind */
	if (i > 1 && c->tok[i - 2].cap && c->tok[i - 2].sent == k->sent && c->tok[i - 1].e - c->tok[i - 1].s <= 2 &&
	    (strncmp(c->t + c->tok[i - 1].s, "of", 2) == 0 || strncmp(c->t + c->tok[i - 1].s, "en", 2) == 0) &&
	    i > 2 && (c->tok[i - 3].flags & (W_ROLE | W_DEPT)) && c->tok[i - 3].sent == k->sent)
		return true;
	/* wave 12: the surname a weaker finding left out ("Wytze" of "Wytze
	 * Algra, onze nieuwe wijkverpleegkundige") is still part of the name */
	while (last + 1 < c->ntok && joined(c, last) && c->tok[last + 1].cap && !c->tok[last + 1].acronym &&
	       c->tok[last + 1].sent == c->tok[last].sent && last - i < 4 &&
	       !(c->tok[last + 1].flags & (W_ROLE | W_DEPT | W_ORG | W_TITLE)))
		last++;
	if (last + 1 < c->ntok && c->tok[last + 1].sent == c->tok[last].sent) {
		const struct tok *n = &c->tok[last + 1];
		/* "Per 1 januari is Erik Mulder onze nieuwe bestuurder", "Anna wordt de nieuwe
		 * teamleider", "Kees is onze vaste kok"; wave 12: after "onze" any two
		 * words may describe the role ("Semira, onze Tigrinya-sprekende
		 * cultuurtolk") */
		{
			static const char *const glue[] = {"is", "wordt", "onze", "ons", "de", "nieuwe", "nieuw", "tot",
				"vaste", "eigen", "als", "was", "tijdelijke", "interim", "bij", NULL};
			size_t d = last + 1;
			int free_words = 0;
			char gw[16];
			for (int hop = 0; hop < 5 && d < c->ntok && c->tok[d].sent == n->sent; hop++, d++) {
				size_t gl = c->tok[d].e - c->tok[d].s;
				if ((c->tok[d].flags & W_ROLE) || (hop > 0 && role_like(c, &c->tok[d]))) {
					if (hop > 0)
						return true;
					break;
				}
				if (hop > 0 && !joined(c, d - 1))
					break; /* a comma or a full stop ends the description */
				if (gl < sizeof gw) {
					memcpy(gw, c->lt + c->tok[d].s, gl);
					gw[gl] = '\0';
				}
				if (gl < sizeof gw && in_list(gw, glue)) {
					if (!strcmp(gw, "onze") || !strcmp(gw, "ons"))
						free_words = 2;
					continue;
				}
				if (free_words-- <= 0)
					break;
			}
		}
		/* after batch 28: "Mohamed Bakkali is vanaf deze week onze wijkcoach" */
		if (tok_in(c, n, (const char *const[]){"is", "wordt", NULL}) &&
		    role_after_det(c, last + 2, last + 8, n->sent, (const char *const[]){"onze", "ons", NULL}))
			return true;
		/* after batch 27: "Welkom aan Ruben Mertens, vanaf 1 januari de nieuwe
		 * manager zorg": after a comma */
		if (c->t[c->tok[last].e] == ',' &&
		    role_after_det(c, last + 1, last + 8, n->sent, (const char *const[]){"nieuwe", "onze", NULL}))
			return true;
		/* "Ingezonden door Wendy, afdeling communicatie", "Bas, team Noord" */
		/* (the word's own length first: "Afdel" at the text's end is not
		 * read past it; the fuzzer found that) */
		if (c->t[c->tok[last].e] == ',' &&
		    ((n->e - n->s >= 8 && memcmp(c->lt + n->s, "afdeling", 8) == 0) ||
		     (n->e - n->s >= 4 && (n->flags & W_DEPT))))
			return true;
		/* "Anouk (verpleegkundige)", "Bas Janssen, teamleider" */
		if (n->s - c->tok[last].e <= 3 && role_like(c, n)) {
			char between = c->t[c->tok[last].e];
			if (between == '(' || between == ',' || c->t[c->tok[last].e + 1] == '(')
				return true;
		}
	}
	/* "Lisa van het secretariaat", "Ingrid van recruitment"; after batch 32
	 * "Gert van de facilitaire dienst" (an adjective before the department)
	 * and the whole list in "Jasper, Noa en Fleur van team Zuid" */
	size_t v = last + 1;
	for (int hop = 0; hop < 8 && v + 1 < c->ntok && c->tok[v].sent == k->sent; hop++) {
		if (tok_in(c, &c->tok[v], (const char *const[]){"en", "of", NULL}) || (c->tok[v].cap && (c->tok[v].flags & W_FIRST)))
			v++;
		else
			break;
	}
	if (v + 1 < c->ntok && c->tok[v].sent == k->sent && c->tok[v].e - c->tok[v].s == 3 &&
	    memcmp(c->t + c->tok[v].s, "van", 3) == 0) {
		size_t d = v + 1;
		if (d < c->ntok && (c->tok[d].flags & W_PREFIX) && d + 1 < c->ntok)
			d++;
		if (d + 1 < c->ntok && !c->tok[d].cap && c->tok[d].e - c->tok[d].s >= 4 && c->t[c->tok[d].e - 1] == 'e' &&
		    !(c->tok[d].flags & (W_DEPT | W_ROLE)) && !dept_suffix(c, &c->tok[d]))
			d++;
		/* (after batch 39: "Jordy van de dagbesteding zit sinds maandag in de
		 * kliniek": the day centre is where clients go, not only staff) */
		if (d < c->ntok && c->tok[d].sent == k->sent &&
		    ((c->tok[d].flags & (W_DEPT | W_ROLE)) || dept_suffix(c, &c->tok[d])) &&
		    !tok_in(c, &c->tok[d], (const char *const[]){"dagbesteding", "dagopvang", NULL}))
			return true;
	}
	/* after batch 32: where staff sit, "vraag ze aan bij Joke in het magazijn",
	 * "liggen klaar bij Ans op kantoor" */
	if (last + 2 < c->ntok && c->tok[last + 1].sent == k->sent &&
	    tok_in(c, &c->tok[last + 1], (const char *const[]){"in", "op", NULL})) {
		size_t d = last + 2;
		if (d + 1 < c->ntok && tok_in(c, &c->tok[d], (const char *const[]){"het", "de", NULL}))
			d++;
		if (c->tok[d].sent == k->sent &&
		    tok_in(c, &c->tok[d], (const char *const[]){"kantoor", "magazijn", "receptie", "balie",
		                                                "administratie", "secretariaat", "teampost", "planning",
		                                                "personeelskamer", "teamkamer", NULL}))
			return true;
	}
	/* a vacancy's contact: "Vragen? Bel Anita op 0345-619900", "mail Ria Smit, r.smit@..."
	 * (read from the text, not the findings: a name is looked at once) */
	size_t p = after_contact_name(c, c->tok[last].e);
	bool contact = p < c->len && (digit_at(c, p) || c->t[p] == '+');
	if (!contact && p < c->len) {
		size_t q = p;
		while (q < c->len && q - p < 64 && c->t[q] != ' ' && c->t[q] != '@')
			q++;
		contact = q < c->len && c->t[q] == '@';
	}
	return contact && vacancy_window(c, back(k->s, 300), k->s);
}

static bool is_public(const struct ctx *c, size_t s, size_t e)
{
	char low[96];
	if (e - s > sizeof low)
		return false;
	memcpy(low, c->lt + s, e - s);
	const struct word *w = wtab_find(&words, low, e - s);
	return w && (w->flags & W_PUBLIC);
}

/* Wave 29 (batch 121): a public name whose first words the name rules
 * left out ("Holle Bolle Gijs", "Pippi Langkous"): one or two capitalised
 * words joined before the core make a listed public name with it. */
static bool public_lead(const struct ctx *c, size_t core, size_t last)
{
	for (size_t b = core; b > 0 && core - b < 2 && joined(c, b - 1) && c->tok[b - 1].cap;)
		if (is_public(c, c->tok[--b].s, c->tok[last].e))
			return true;
	return false;
}

/* A name at token i, or NONE; sets *start, *conf. */
/* Words that follow a title in ordinary lower-case writing ("mevrouw is
 * thuis", "meneer wil graag"): what is left after a title is a name. */
static const char *const after_title[] = {"is", "was", "heeft", "had", "zegt", "zei", "wil",
	"wilde", "kan", "kon", "mag", "mocht", "moet", "moest", "zal", "zou", "gaat", "ging", "komt",
	"kwam", "ligt", "lag", "zit", "zat", "staat", "stond", "woont", "woonde", "vraagt", "vroeg",
	"belt", "belde", "krijgt", "kreeg", "en", "of", "de", "het", "een", "die", "dat", "van", "in",
	"op", "met", "uit", "aan", "voor", "naar", "bij", "om", "te", "ook", "nog", "al", "niet",
	"weer", "graag", "zelf", "werd", "wordt", "heb", "ben", "uw", "u", "deze", "dit", "hier",
	"daar", "vandaag", "gisteren", "morgen", "erg", "heel", "zo", "nu", "toen", "maar", "want",
	"als", "dan", "zij", "ze", "hij", "wie", "wat", "waar", "hoe", "vond", "vindt", "maakt",
	"doet", "deed", "weet", "wist", "zag", "ziet", "loopt", "liep", "eet", "drinkt", "slaapt",
	"sliep", "voelt", "voelde", "lacht", "huilt", "zingt", "speelt", "leest", "heette", "heet",
	"overleed", "verhuist", "kijkt", "keek", "praat", "sprak", "vertelt", "vertelde", "gaf",
	"geeft", "lieve", "oude", "nieuwe", "alleen", "samen", "thuis", "binnen", "buiten", "boven",
	"beneden", "hem", "haar", "zijn", "mij", "me", "ons", "jullie", "er", "wel", "toch", "even",
	"net", "pas", "zeker", "misschien", "vindt", "houdt", "hield", "kent", "kende", "noemt",
	"the", "and", "has", "was", "had", "will", "says", NULL};

/* Ordinary writing again after a lower-case name: punctuation, or a word like "is". */
static bool plain_after(const struct ctx *c, size_t e)
{
	char w[32];
	size_t p = e;
	while (p < c->len && c->t[p] == ' ')
		p++;
	if (p >= c->len || strchr(".,!?;:)", c->t[p]))
		return true;
	return word_after(c, e, w, sizeof w, NULL) && in_list(w, after_title);
}

/* "mevrouw ramdin is weer thuis", "tanta ilse doelwijt krijgt ...": a
 * name in lower case after a personal title; its last token in *last. */
static bool lower_name_after_title(const struct ctx *c, const struct tok *title, size_t j, size_t *last)
{
	const struct tok *n = &c->tok[j];
	char w[32];
	size_t len = n->e - n->s;
	static const char *const personal[] = {"mevrouw", "meneer", "mevr", "mw", "dhr", "opa", "oma",
		"tante", "oom", "ome", "zuster", "broeder", "juffrouw", "beppe", "pake",
		/* wave 13 */
		"tanta", "omke", "muoike", "tantie", "nonkel", "nona", "bung", "opoe", "omoe", NULL};
	*last = j;
	if (!tok_in(c, title, personal))
		return false;
	if (n->cap || len < 3 || len >= sizeof w || n->sent != title->sent ||
	    (n->flags & (W_MED | W_TITLE | W_FAMILY | W_ROLE | W_DEPT | W_NONAME | W_ORG | W_POSS)))
		return false;
	/* wave 13: an everyday word is no name ("bij oma geweest") unless a name list has it */
	if ((n->flags & W_LEX) && !(n->flags & (W_FIRST | W_SUR)))
		return false;
	memcpy(w, c->lt + n->s, len);
	w[len] = '\0';
	if (in_list(w, after_title))
		return false;
	/* what follows must be ordinary writing again: a verb, a word like "is", or punctuation */
	if (plain_after(c, n->e))
		return true;
	/* wave 13: a first name from the list, then a lower-case surname that is
	 * no word ("tanta ilse doelwijt krijgt") */
	if ((n->flags & W_FIRST) && j + 1 < c->ntok && joined(c, j)) {
		const struct tok *m = &c->tok[j + 1];
		if (!m->cap && m->sent == n->sent && m->e - m->s >= 3 &&
		    !(m->flags & (W_LEX | W_MED | W_TITLE | W_FAMILY | W_ROLE | W_DEPT | W_NONAME | W_ORG | W_POSS)) &&
		    plain_after(c, m->e)) {
			*last = j + 1;
			return true;
		}
	}
	return false;
}

static bool thing_word(const struct ctx *c, const struct tok *k);
static bool thing_by_naming(const struct ctx *c, size_t i, size_t end);
static bool pet_compound(const struct ctx *c, const struct tok *k);
static bool town_context(const struct ctx *c, size_t i);

static size_t name_at(const struct ctx *c, size_t i, size_t *start, double *conf, size_t *core)
{
	const struct tok *k = &c->tok[i];
	*start = k->s;
	*core = i;
	if ((k->flags & W_TITLE) && i + 1 < c->ntok && c->tok[i + 1].sent == k->sent &&
	    only_space(c, k->e, c->tok[i + 1].s)) {
		/* mevrouw Jansen, dhr. J. de Vries, oma Truus */
		size_t j = i + 1;
		/* "de bewoonster van de Lindehof", "cliënt van Het Anker": a place, not a surname */
		if (k->e - k->s >= 6 && c->tok[j].e - c->tok[j].s == 3 && memcmp(c->t + c->tok[j].s, "van", 3) == 0) {
			static const char *const generic[] = {"bewoner", "bewoonster", "cliënt", "cliënte", "client",
				"patiënt", "patiënte", "patient", "resident", "familie", NULL};
			char tw[16];
			size_t tl = k->e - k->s;
			if (tl < sizeof tw) {
				memcpy(tw, c->lt + k->s, tl);
				tw[tl] = '\0';
				if (in_list(tw, generic))
					return NONE;
			}
		}
		while (j < c->ntok && c->tok[j].single && c->tok[j].cap && c->tok[j].dot)
			j++;
		size_t r = NONE;
		if (j < c->ntok && (c->tok[j].flags & W_FIRST) && namey(&c->tok[j])) {
			r = j;
			if (j + 1 < c->ntok && joined(c, j)) {
				size_t r2 = surname_run(c, j + 1);
				if (r2 != NONE)
					r = r2;
			}
		} else {
			r = surname_run(c, j);
			/* "Dhr. Kok", "mevrouw Koster": a surname that is also a job */
			if (r == NONE && j < c->ntok && c->tok[j].cap && !c->tok[j].acronym && (c->tok[j].flags & W_ROLE) &&
			    (c->tok[j].flags & W_SUR) && c->tok[j].sent == k->sent)
				r = j;
		}
		/* "mevrouw de wit": a lower-case surname with its prefix */
		size_t lo;
		if (r == NONE && j == i + 1 && (c->tok[j].flags & W_PREFIX) && !c->tok[j].cap && j + 1 < c->ntok &&
		    joined(c, j) && !(c->tok[j + 1].flags & W_PREFIX) && lower_name_after_title(c, k, j + 1, &lo)) {
			*core = j + 1;
			*conf = 0.7;
			return lo;
		}
		if (r == NONE && j == i + 1 && lower_name_after_title(c, k, j, &lo)) {
			/* "mevrouw ramdin is weer thuis": written in lower case */
			*core = j;
			*conf = 0.7;
			return lo;
		}
		if (r == NONE) {
			/* wave 11: "mevrouw R.", "Mw. v.d. B.", "Bewoner P.K.": initials
			 * only, as a handover hides a name; at least one capital */
			size_t q = i + 1, last = NONE;
			while (q < c->ntok && q - i <= 5 && c->tok[q].sent == k->sent) {
				const struct tok *t = &c->tok[q];
				if (t->single && t->dot) {
					if (t->cap)
						last = q;
				} else if (!((t->flags & W_PREFIX) && q + 1 < c->ntok && joined(c, q))) {
					break;
				}
				q++;
			}
			if (last == NONE)
				return NONE;
			*core = i + 1;
			*conf = 0.8;
			return last;
		}
		*core = i + 1;
		*conf = 0.9;
		return r;
	}
	if (k->single && k->cap && k->dot && i + 1 < c->ntok) {
		/* J. de Vries, A.B. Yilmaz */
		size_t j = i;
		while (j < c->ntok && c->tok[j].single && c->tok[j].cap && c->tok[j].dot && j - i < 4)
			j++;
		size_t r = surname_run(c, j);
		if (r == NONE || ((c->tok[r].flags & W_AMBIG) && !(c->tok[r].flags & W_SUR)))
			return NONE;
		if (k->first && !(c->tok[r].flags & (W_SUR | W_FIRST)))
			return NONE;
		/* wave 14: "ingang C. Een afspraak maken …": a letter of a building's part,
		 * then a new sentence */
		static const char *const parts[] = {"ingang", "uitgang", "gebouw", "blok", "vleugel", "hal", "poort",
			"route", "zaal", "lift", "trap", "toegang", "paviljoen", "unit", "verdieping", "balie", "locatie",
			"parkeerplaats", "parkeerterrein", "gang", "spoor", "perron", NULL};
		static const char *const opens[] = {"een", "de", "het", "dit", "dat", "deze", "die", "wij", "we", "u",
			"ik", "er", "daar", "hier", "vanaf", "bij", "in", "op", "voor", NULL};
		if ((i > 0 && c->tok[i - 1].sent == k->sent && tok_in(c, &c->tok[i - 1], parts)) ||
		    (r == j && tok_in(c, &c->tok[j], opens)))
			return NONE;
		*conf = k->first ? 0.8 : 0.85;
		return r;
	}
	if ((k->flags & W_FIRST) && namey(k)) {
		/* Anouk, Anouk de Vries, Mohammed El Amrani */
		bool ambig = (k->flags & W_AMBIG) != 0;
		if (i + 1 < c->ntok && joined(c, i)) {
			size_t r = surname_run(c, i + 1);
			if (r != NONE && !(ambig && k->first && !(c->tok[r].flags & (W_SUR | W_FIRST)))) {
				*conf = 0.9;
				return r;
			}
		}
		if (!ambig) {
			*conf = k->first ? 0.65 : 0.75;
			return i;
		}
		if (!k->first) {
			*conf = 0.55;
			return i;
		}
		return NONE;
	}
	if ((k->flags & W_SUR) && namey(k) && !k->first) {
		/* Jansen, de Vries, van Dijk: a surname alone, mid-sentence */
		size_t p = i;
		/* lower-case prefixes only: "in De Horst" is a building, "de Vries" a person */
		while (p > 0 && (c->tok[p - 1].flags & W_PREFIX) && i - p < 3 && joined(c, p - 1) &&
		       c->tok[p - 1].e - c->tok[p - 1].s <= 3 && !c->tok[p - 1].cap)
			p--;
		/* "in", "op", "uit" are prepositions far more often than prefixes */
		while (p < i && c->tok[p].e - c->tok[p].s == 2 &&
		       (memcmp(c->t + c->tok[p].s, "in", 2) == 0 || memcmp(c->t + c->tok[p].s, "op", 2) == 0))
			p++;
		if ((k->flags & W_AMBIG) && p == i)
			return NONE;
		*start = c->tok[p].s;
		*conf = p < i ? 0.6 : 0.55;
		return i;
	}
	if ((k->flags & W_FAMILY) && i + 1 < c->ntok && joined(c, i) && namey(&c->tok[i + 1]) &&
	    !c->tok[i + 1].single && !c->tok[i + 1].first && !(c->tok[i + 1].flags & W_AMBIG) &&
	    !all_caps(c, &c->tok[i + 1])) {
		/* "mijn zoon Jayden", "haar dochter Fleur de Wit": a name even if unlisted */
		size_t j = i + 1, r = j + 1 < c->ntok && joined(c, j) ? surname_run(c, j + 1) : NONE;
		*start = c->tok[j].s;
		*core = j;
		*conf = 0.8;
		return r != NONE ? r : j;
	}
	if (k->e - k->s >= 6 && memcmp(c->t + k->e - 6, "jarige", 6) == 0 && i + 1 < c->ntok &&
	    joined(c, i) && namey(&c->tok[i + 1]) && !c->tok[i + 1].single && c->tok[i + 1].cap &&
	    !(c->tok[i + 1].flags & (W_TITLE | W_ORG | W_NONAME | W_ROLE))) {
		/* "de 16-jarige Senna": an age before a capitalised word names a person */
		size_t j = i + 1, r = j + 1 < c->ntok && joined(c, j) ? surname_run(c, j + 1) : NONE;
		*start = c->tok[j].s;
		*core = j;
		*conf = 0.8;
		return r != NONE ? r : j;
	}
	/* after batch 28: "Mijn hond heet Henk", "Onze tillift heet Bertha", "een
	 * nieuwe ezel, hij heet Gerrit": an animal's or a thing's name */
	/* after batch 31: or in the sentence before ("de printer is vervangen. De
	 * nieuwe heet 'Kleurrijk-3'"); a thing given a name ("krijgt de naam
	 * 'Het Anker'", "gaat verder onder de naam Geheugencafé") */
	bool thing_heet = false;
	if (k->flags & W_NAMEVERB) {
		for (size_t b = i; b-- > 0 && b + 12 >= i && c->tok[b].sent + 1 >= k->sent && !thing_heet;)
			thing_heet = ((c->tok[b].flags & W_PET) || thing_word(c, &c->tok[b])) && !thing_aside(c, b, i);
		if (!thing_heet && i > 1 && c->tok[i - 2].sent == k->sent && c->tok[i - 1].e - c->tok[i - 1].s == 2 &&
		    !strncmp(c->t + c->tok[i - 1].s, "de", 2) &&
		    tok_in(c, &c->tok[i - 2], (const char *const[]){"onder", "krijgt", "kreeg", "draagt", "kregen",
		                                                    "krijgen", "dragen", "droeg", NULL}))
			thing_heet = true;
	}
	if ((k->flags & W_NAMEVERB) && !thing_heet && i + 1 < c->ntok && namey(&c->tok[i + 1]) &&
	    c->tok[i + 1].sent == k->sent && !c->tok[i + 1].single) {
		/* "ze heet Fleur", "een jongen genaamd Sven" */
		size_t j = i + 1, r = j + 1 < c->ntok && joined(c, j) ? surname_run(c, j + 1) : NONE;
		*start = c->tok[j].s;
		*core = j;
		*conf = 0.8;
		return r != NONE ? r : j;
	}
	return NONE;
}

/* wave 15: a device, robot or doll named like a person (pets are
 * drop_pet_names's) */
static bool thing_read(const struct ctx *c, const struct tok *k);

static bool thing_word(const struct ctx *c, const struct tok *k)
{
	size_t i = (size_t)(k - c->tok);
	if (!c->thing_memo[i])
		c->thing_memo[i] = thing_read(c, k) ? 2 : 1;
	return c->thing_memo[i] == 2;
}

static bool thing_read(const struct ctx *c, const struct tok *k)
{
	/* after batch 30, plurals: "de poppen Lotte en Jan" */
	static const char *const exact[] = {"app", "bot", "poppen", "robots", "zorgrobots", "zorgpoppen",
		"babypoppen", "knuffels", "bots", "auto's", "dienstauto's", "bedrijfsauto's", "busjes", NULL};
	/* after batch 31: "Reanimatiepop Anne", the printer, the company car */
	static const char *const heads[] = {"lift", "robot", "brancard", "rolstoel", "scootmobiel", "knuffel",
		"hulpmiddel", "apparaat", "rollator", "douchestoel", "tablet", "pop", "robotkat",
		"robotje", "systeem", "printer", "computer", "auto", "stofzuiger", "bus", "busje",
		/* after batches 37 and 38: "de eerste wagen", "onze oude boot" */
		"wagen", "ambulance", "boot", "fiets", "tractor", "koffieautomaat", "machine", NULL};
	size_t n = k->e - k->s;
	char low[32];
	if (n < 3 || n >= sizeof low)
		return false;
	memcpy(low, c->lt + k->s, n);
	low[n] = '\0';
	if (in_list(low, exact))
		return true;
	/* after batch 37, the plural of a head too ("De scootmobielen", "liften",
	 * "wagens", "auto's"): the head before "en", "s" or "'s" */
	size_t w = n;
	if (n > 3 && low[n - 1] == 'n' && low[n - 2] == 'e')
		w = n - 2;
	else if (n > 3 && low[n - 1] == 's')
		w = low[n - 2] == '\'' ? n - 2 : n - 1;
	for (const char *const *h = heads; *h; h++) {
		size_t m = strlen(*h);
		if ((n >= m && memcmp(low + n - m, *h, m) == 0) || (w < n && w >= m && memcmp(low + w - m, *h, m) == 0))
			return true;
	}
	return false;
}

/* "de sta-oplift Sara Stedy", "Zorgpop Anna", "Tessa, de kleine zorgrobot" */
static bool thing_named(const struct ctx *c, size_t i, size_t end)
{
	/* after batch 28: "Onze tillift heet Bertha", "een nieuwe ezel, hij heet Gerrit" */
	if (i > 0 && (c->tok[i - 1].flags & W_NAMEVERB) && c->tok[i - 1].sent == c->tok[i].sent)
		for (size_t b = i - 1; b-- > 0 && b + 7 >= i && c->tok[b].sent == c->tok[i].sent;)
			if ((c->tok[b].flags & W_PET) || thing_word(c, &c->tok[b]))
				return true;
	if (i > 0 && c->tok[i - 1].sent == c->tok[i].sent && joined(c, i - 1) &&
	    (!c->tok[i - 1].cap || c->tok[i - 1].first) && thing_word(c, &c->tok[i - 1]))
		return true;
	/* "de poppen Lotte en Jan": the next of a list of things named; after
	 * batch 34 with commas ("Fien, Fenna en Floor") */
	if (i >= 2 && c->veto[i - 2] && c->tok[i - 2].sent == c->tok[i].sent &&
	    tok_in(c, &c->tok[i - 1], (const char *const[]){"en", "of", NULL}))
		return true;
	if (i >= 1 && c->veto[i - 1] && c->tok[i - 1].sent == c->tok[i].sent && c->tok[i].s - c->tok[i - 1].e <= 2 &&
	    c->t[c->tok[i - 1].e] == ',')
		return true;
	/* "die Jan Klaassen-pop" (one word or two) */
	if ((end + 1 < c->ntok && c->t[c->tok[end].e] == '-' && c->tok[end + 1].s == c->tok[end].e + 1 &&
	     thing_word(c, &c->tok[end + 1])) ||
	    (memchr(c->t + c->tok[end].s, '-', c->tok[end].e - c->tok[end].s) && thing_word(c, &c->tok[end])))
		return true;
	/* the same name again ("... rijd je in Bertha, Karel of Sjaan. Sjaan heeft
	 * wel een zeurende koppeling") */
	for (size_t b = i; c->things && b-- > 0 && b + 64 >= i;)
		if (c->veto[b] && c->tok[b].e - c->tok[b].s == c->tok[i].e - c->tok[i].s &&
		    !memcmp(c->t + c->tok[b].s, c->t + c->tok[i].s, c->tok[i].e - c->tok[i].s) && c->tok[b].cap)
			return true;
	return thing_by_naming(c, i, end);
}

/* Wave 24 (batch 101): the thing at b, in the sentence before the name at
 * i, is only where that sentence's person went ("Mijn huisgenoot is met de
 * ambulance weggebracht. Hij heet Rick."): the sentence opens with a
 * possessive and a word for no thing, and the thing follows a preposition
 * and an article. */
static bool thing_aside(const struct ctx *c, size_t b, size_t i)
{
	if (c->tok[b].sent == c->tok[i].sent || b < 2 || (c->tok[b].flags & W_PET))
		return false;
	if (!tok_in(c, &c->tok[b - 1], (const char *const[]){"de", "het", "een", NULL}) ||
	    !tok_in(c, &c->tok[b - 2], (const char *const[]){"met", "in", "door", "naar", "uit", "per", "op", NULL}))
		return false;
	size_t f = b;
	while (f > 0 && c->tok[f - 1].sent == c->tok[b].sent)
		f--;
	return f + 2 < b && (c->tok[f].flags & W_POSS) && !(c->tok[f + 1].flags & W_PET) &&
	       !thing_word(c, &c->tok[f + 1]) && !pet_compound(c, &c->tok[f + 1]);
}

/* A thing or an animal given the name at i..end by a naming word (titles
 * too: "namen gekregen: Snelle Jelle, Ome Joop en Tante Truus") */
static bool thing_by_naming(const struct ctx *c, size_t i, size_t end)
{
	/* after batches 33 and 34: things or animals given names, the names a few
	 * words on or in the next sentence ("De lift heet sinds vandaag officieel
	 * 'Harry'", "Onze dienstauto's hebben namen gekregen! Vanaf nu rijd je in
	 * Bertha", "Intern heten ze Fien ...") */
	/* (the naming word first, by flag and length: it is rare, and only then
	 * are the words read for a thing) */
	if (c->naming) {
		bool naming = false;
		for (size_t b = i; b-- > 0 && b + 24 >= i && c->tok[b].sent + 1 >= c->tok[i].sent && !naming;)
			naming = (c->tok[b].flags & W_NAMEVERB) ||
			         (c->tok[b].e - c->tok[b].s == 5 && !memcmp(c->lt + c->tok[b].s, "namen", 5));
		for (size_t b = i; naming && b-- > 0 && b + 24 >= i && c->tok[b].sent + 1 >= c->tok[i].sent;)
			if (((c->tok[b].flags & W_PET) || thing_word(c, &c->tok[b]) || pet_compound(c, &c->tok[b])) &&
			    !thing_aside(c, b, i))
				return true;
	}
	/* after batches 37 and 38: the naming word after the name ("de lift,
	 * door iedereen 'Karel' genoemd", "een Chevrolet die bij ons 'Ome Joop'
	 * heet"), a thing or an animal before it in the sentence */
	if (end + 1 < c->ntok && c->tok[end + 1].sent == c->tok[i].sent &&
	    ((c->tok[end + 1].flags & W_NAMEVERB) ||
	     tok_in(c, &c->tok[end + 1], (const char *const[]){"genoemd", "noemen", "noemt", "noemden", NULL})))
		/* (after batch 41, or the sentence before: "een robotkat die spint.
		 * De bewoners hebben hem 'Kees' genoemd") */
		for (size_t b = i; b-- > 0 && b + 24 >= i && c->tok[b].sent + 1 >= c->tok[i].sent;)
			if ((c->tok[b].flags & W_PET) || thing_word(c, &c->tok[b]) || pet_compound(c, &c->tok[b]))
				return true;
	if (end + 2 >= c->ntok || c->t[c->tok[end].e] != ',')
		return false;
	static const char *const det[] = {"de", "het", "onze", "ons", "een", "mijn", NULL};
	if (!tok_in(c, &c->tok[end + 1], det))
		return false;
	for (size_t d = end + 2; d < c->ntok && d <= end + 4 && c->tok[d].sent == c->tok[end].sent; d++) {
		if (thing_word(c, &c->tok[d]))
			return true;
		if (c->tok[d].cap || !joined(c, d - 1))
			break;
	}
	return false;
}

/* Lower-case words before the name of a building, a room or a shop */
static const char *const place_heads[] = {"gebouw", "vergaderkamer", "vergaderzaal", "vergaderruimte", "zaal",
	"paviljoen", "vleugel", "salon", "kapsalon", "restaurant", "hotel", "café", "winkelcentrum", "buurthuis",
	"wijkcentrum", "zorgcentrum", "zorgboerderij", "locatie", "naam", "woongroep", "huiskamer", "stiltekamer",
	"stilteruimte", "kapel", NULL};

static void scan_names(struct ctx *c)
{
	bool *pub = xcalloc(c->nsent, sizeof *pub);
	for (size_t i = 0; i < c->ntok; i++) {
		if (c->tok[i].flags & W_PUBCTX)
			pub[c->tok[i].sent] = true;
		if ((c->tok[i].flags & W_NAMEVERB) ||
		    (c->tok[i].e - c->tok[i].s == 5 && !memcmp(c->lt + c->tok[i].s, "namen", 5)) ||
		    (c->tok[i].e - c->tok[i].s == 7 && !memcmp(c->lt + c->tok[i].s, "genoemd", 7)))
			c->naming = true;
	}
	bool prev_staff = false;
	size_t prev_last = NONE;
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		/* Organisations named after people: "Stichting Anne de Vries", "Sophia Kinderziekenhuis";
		 * after batch 32 a title among them ("Zorgcentrum Zuster Agnes") and a
		 * building, room or shop by a lower-case head ("gebouw Jacob Cats",
		 * "vergaderkamer Lindeboom", "salon Haarmonie"), a thing given a name
		 * ("krijgt de naam 'Het Anker'", "De pop 'Oma Lies'") */
		bool org_head = k->cap && i > 0 && orgish(c, i - 1) && joined(c, i - 1);
		bool place_head = k->cap && i > 0 && c->tok[i - 1].sent == k->sent && !c->tok[i - 1].cap &&
		                  joined(c, i - 1) && tok_in(c, &c->tok[i - 1], place_heads);
		/* (read for a capitalised title only: the other words do not need it) */
		bool thing_head = k->cap && (k->flags & W_TITLE) && i > 0 && joined(c, i - 1) && thing_word(c, &c->tok[i - 1]);
		/* a title where things are given names is read for one of them only */
		bool title_only = (k->flags & W_TITLE) && !(org_head || place_head || thing_head);
		if (k->cap && (!(k->flags & W_TITLE) || org_head || place_head || thing_head || c->naming)) {
			size_t end = cap_run(c, i);
			bool org_before = org_head || place_head;
			/* "Albert Schweitzer ziekenhuis" is written lower-case too */
			bool org_after = end + 1 < c->ntok && joined(c, end) &&
			                 (orgish(c, end + 1) || (c->tok[end + 1].flags & W_ORG) ||
			                  org_suffix(c, &c->tok[end + 1]));
			bool org_inside = false;
			for (size_t j = i + 1; j <= end; j++)
				org_inside |= orgish(c, j);
			if (end > i && (org_before || org_after || org_inside)) {
				for (size_t j = i; j <= end; j++)
					c->veto[j] = true;
				i = end + (org_after ? 1 : 0);
				continue;
			}
			if (end == i && org_before && (!(k->flags & W_TITLE) || place_head)) {
				c->veto[i] = true;
				continue;
			}
			if (title_only ? thing_by_naming(c, i, end) : thing_named(c, i, end)) {
				c->things = true;
				for (size_t j = i; j <= end; j++)
					c->veto[j] = true;
				i = end;
				continue;
			}
		}
		size_t start, core;
		double conf;
		size_t last = name_at(c, i, &start, &conf, &core);
		if (last == NONE)
			continue;
		/* after batch 28: a lone surname-like word where a town stands
		 * ("Wilgenlaan 40, Hoogeveen", "in Hoogeveen") */
		if (last == core && start == c->tok[core].s && !(c->tok[core].flags & (W_FIRST | W_TITLE)) &&
		    town_context(c, core)) {
			c->veto[core] = true;
			i = last;
			continue;
		}
		/* a title makes a client ("mevrouw Jansen"), unless a role is named
		 * right after the name (wave 13: "is mevrouw R. Aydın onze nieuwe bestuurder") */
		bool fao = (k->flags & W_TITLE) && vacancy_fao(c, k->s);
		bool titled = (k->flags & W_TITLE) && !(k->flags & W_ROLE) && !fao;
		/* after batch 31: a role right before the title ("onze
		 * klachtenfunctionaris mr. Johanna Prins") says who it is */
		bool role_title = titled && i > 0 && c->tok[i - 1].sent == k->sent && !c->tok[i - 1].cap &&
		                  ((c->tok[i - 1].flags & W_ROLE) || role_like(c, &c->tok[i - 1]));
		if (role_title)
			titled = false;
		if (titled)
			for (size_t d = last + 1; d < c->ntok && d <= last + 4 && joined(c, d - 1) && titled; d++)
				titled = !role_like(c, &c->tok[d]);
		bool staff = fao || role_title || (staff_context(c, core, last) && !titled);
		/* "Groetjes, Sanne en Kim": a name listed after a staff name is staff too */
		if (!staff && prev_staff && prev_last != NONE && i >= prev_last + 1 && i - prev_last <= 2 &&
		    c->tok[i].sent == c->tok[prev_last].sent)
			staff = true;
		/* a name without a title in a sentence about a lecture or a book is a speaker or author */
		bool speaker = pub[k->sent] && !(k->flags & W_TITLE);
		c->pub = pub;
		if (staff || speaker || is_public(c, c->tok[core].s, c->tok[last].e) ||
		    (c->tok[core].flags & W_PUBLIC && core == last) || public_lead(c, core, last))
			conf = conf > 0.4 ? (staff ? STAFF_CONF : 0.4) : conf;
		add_finding(c, SCAN_NAME, start, c->tok[last].e, conf);
		prev_staff = staff;
		prev_last = last;
		i = last;
	}
	c->pub = pub; /* the tagger reads it; scan_text frees it */
}

/* A listed first name that is no other word, of at least `min` letters. */
static bool plain_first(const char *s, size_t n, size_t min)
{
	if (n < min)
		return false;
	uint32_t f = lookup(s, n);
	return (f & W_FIRST) && !(f & (W_AMBIG | W_NONAME | W_ORG | W_ROLE | W_MED | W_PUBLIC | W_LEX));
}

/*
 * A first name inside a word run together, at t[s..e) (letters only):
 * where a capital follows a small letter a part starts ("pakeWytze",
 * "DankjewelGerda", "FrankvanderMeer"); written all small, a name of five
 * letters or more at the end ("vindjayden", "duaforhalima") or, when
 * `head`, at the start ("samiraboateng", "annekevos").
 */
static bool name_in_compound(const struct ctx *c, size_t s, size_t e, bool head)
{
	const char *t = c->t;
	if (lookup(t + s, e - s)) /* "#sinterklaas" is a word */
		return false;
	bool camel = false, name = false;
	for (size_t p = s, from = s; p <= e; p++) {
		if (p < e && !(p > s && isupper((unsigned char)t[p]) && islower((unsigned char)t[p - 1])))
			continue;
		if (from > s || p < e) {
			camel = true;
			if (lookup(t + from, p - from) & W_ORG) /* "@StJorisZiekenhuis" */
				return false;
			name = name || plain_first(t + from, p - from, 3);
		}
		from = p;
	}
	if (camel || e - s > 40 || e - s < 8)
		return name;
	for (size_t m = e - s - 3; m >= 5; m--) {
		if (plain_first(t + e - m, m, 5))
			return true;
		if (head && plain_first(t + s, m, 5))
			return true;
	}
	return false;
}

/* Where the run of ASCII letters from s ends, before e. */
static size_t alpha_end(const struct ctx *c, size_t s, size_t e)
{
	while (s < e && isalpha((unsigned char)c->t[s]))
		s++;
	return s;
}

/* "#sterktejolanda", "#teamnoah": a first name in a hashtag */
static void scan_hashtag_names(struct ctx *c)
{
	static const char *const pre[] = {"sterkte", "team", "beterschap", "go", "voor", "rip",
		"bedankt", "welkom", "succes", "hoera", "trotsop", "prayfor", "love", "kracht",
		/* wave 11: "#omaGeesje", "#LittleLevi", "#lieveanna" */
		"oma", "opa", "tante", "oom", "lieve", "little", "kleine", "onze", "mama", "papa", "baby", "juf",
		"meester", "zuster",
		/* wave 14: "#sterkvoorsjoukje", "#kaarsjevoorbram", "#denkaanmila" */
		"sterkvoor", "sterktevoor", "kaarsjevoor", "kaarsvoor", "denkaan", "denkenaan", "bidvoor", "steunvoor",
		"knuffelvoor", "allesvoor", "hartjevoor", "beterschapvoor", "prayers4", "pray4",
		/* after batch 44: "#sterkeLotje", "#dappereNoah", "#kanjerSem" */
		"sterke", "dappere", "stoere", "kanjer", "heldje", "onzeheld", "trots", "vechter", "strijder", NULL};
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		if (k->s == 0 || c->t[k->s - 1] != '#')
			continue;
		size_t n = k->e - k->s, off = 0;
		uint32_t f = lookup(c->t + k->s, n);
		if (!(f & W_FIRST) || (f & W_AMBIG)) {
			f = 0;
			for (const char *const *q = pre; *q && !f; q++) {
				size_t m = strlen(*q);
				if (n > m + 2 && strncasecmp(c->t + k->s, *q, m) == 0) {
					uint32_t g = lookup(c->t + k->s + m, n - m);
					if (g & W_FIRST) { /* "#beterschapfleur": the prefix is context enough */
						f = g;
						off = m;
					}
				}
			}
		}
		if (f & W_FIRST)
			add_finding(c, SCAN_NAME, k->s - 1, k->e, off ? 0.8 : 0.7);
	}
}

/*
 * wave 14: initials alone, as a handover hides a client: "J.K. (14) heeft
 * zich gesneden", "A.J. (groep Zon) heeft krentenbaard", "T.H. uit woonvorm
 * 2 is opgenomen", "J.v.d.B. is weer opgenomen".  Two capitals or more
 * written as initials, then a bracket or a person's verb; not a common
 * abbreviation (N.B., P.S., V.S., B.V. …) and not before a capitalised word
 * ("J.K. Rowling" is the tagger's).
 */
static void scan_initials_names(struct ctx *c)
{
	static const char *const abbr[] = {"nb", "ps", "vs", "us", "uk", "eu", "bv", "nv", "ok", "tv", "am", "pm",
		"tav", "zsm", "svp", "ivm", "dwz", "aub", "mvg", "cv", "vve", "ggd", "rip", "bsn", "ad", "bc", "vc",
		"fc", "sc", "pc", "hr", "ic", "ns", "nl", "be", "de", "ww", "wo", "ro", "vo", "po", NULL};
	static const char *const verbs[] = {"is", "was", "heeft", "had", "zit", "zat", "ligt", "lag", "uit", "kreeg",
		"krijgt", "wil", "wilde", "moet", "mag", "kan", "kon", "slaapt", "sliep", "eet", "at", "valt", "viel",
		"werd", "wordt", "gaat", "ging", "komt", "kwam", "huilt", "huilde", "raakte", "liep", "loopt", "van",
		NULL};
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		if (!k->single || !k->dot || !k->cap ||
		    (k->s > 0 && (is_letter_byte(c->t, k->s - 1, c->len) || c->t[k->s - 1] == '.' || digit_at(c, k->s - 1))))
			continue;
		/* the run of initials: "J.", "K." and particles "v.", "d." written together */
		size_t q = i, caps = 0, nl = 0;
		char low[12];
		while (q < c->ntok && c->tok[q].dot && c->tok[q].e - c->tok[q].s <= 3 &&
		       (q == i || c->tok[q].s == c->tok[q - 1].e + 1)) {
			caps += c->tok[q].cap && c->tok[q].single;
			if (nl < sizeof low - 1 && c->tok[q].single)
				low[nl++] = (char)(c->t[c->tok[q].s] | 0x20);
			q++;
		}
		low[nl] = '\0';
		size_t first = i, last = q - 1;
		i = last;
		/* a title before them is the title rule's ("mevrouw R.K.") */
		if (caps < 2 || nl > 5 || in_list(low, abbr) ||
		    (first > 0 && c->tok[first - 1].sent == k->sent && (c->tok[first - 1].flags & W_TITLE)))
			continue;
		size_t e = c->tok[last].e + 1, p = e;
		while (p < c->len && c->t[p] == ' ')
			p++;
		bool ok = p < c->len && c->t[p] == '(';
		if (!ok && last + 1 < c->ntok && c->tok[last + 1].s == p && !c->tok[last + 1].cap)
			ok = tok_in(c, &c->tok[last + 1], verbs);
		if (!ok)
			continue;
		bool covered = false;
		for (size_t f = 0; f < c->out->n && !covered; f++)
			covered = c->out->v[f].start < e && c->out->v[f].end > k->s;
		if (!covered)
			add_finding(c, SCAN_NAME, k->s, e, 0.7);
	}
}

/*
 * "@sven_kuipers", "@marieke_zorgt", "@fatima.b": a handle whose first part
 * is a listed first name (not also a word) names a person.  Not an e-mail
 * address: the '@' opens a word.
 */
/* The handle whose '@' is at s, to *e (0 when the '@' does not open a
 * word: an e-mail address). */
static size_t handle_end(const struct ctx *c, size_t s)
{
	size_t p = s + 1, q = p;
	if (s > 0 && !strchr(" \n\t(\"'", c->t[s - 1]))
		return 0;
	while (q < c->len && q - p < 40 && (isalnum((unsigned char)c->t[q]) || c->t[q] == '_' || c->t[q] == '.'))
		q++;
	while (q > p && c->t[q - 1] == '.') /* a full stop after the handle ends the sentence */
		q--;
	return q;
}

static void scan_handle_names(struct ctx *c)
{
	for (const char *at = memchr(c->t, '@', c->len); at; at = memchr(at + 1, '@', c->len - (size_t)(at + 1 - c->t))) {
		size_t s = (size_t)(at - c->t), p = s + 1, e = handle_end(c, s);
		if (!e)
			continue;
		size_t first = alpha_end(c, p, e);
		if (first - p < 3 || (first < e && c->t[first] != '_' && c->t[first] != '.' && !isdigit((unsigned char)c->t[first])))
			continue;
		uint32_t f = lookup(c->t + p, first - p);
		/* a hint: mentioning someone is what a social network is for; a
		 * health word about them finds its person through it */
		if ((f & W_FIRST) && !(f & (W_AMBIG | W_NONAME | W_ORG | W_ROLE | W_MED | W_PUBLIC)))
			add_finding(c, SCAN_NAME, s, e, 0.4);
	}
}

/* Some finding overlaps [s, e). */
static bool covered_by(const struct ctx *c, size_t s, size_t e)
{
	for (size_t f = 0; f < c->out->n; f++)
		if (c->out->v[f].start < e && s < c->out->v[f].end)
			return true;
	return false;
}

/*
 * Round 27 (batch 150): a name run together with other words in a hashtag
 * ("#vindjayden", "#pakeWytze100", "#DankjewelGerda") or an @handle
 * ("@samiraboateng", "@FrankvanderMeer", "@pieterbakker63").  After the
 * models, whose features the hashtag and handle passes above feed.
 */
static void scan_compound_names(struct ctx *c)
{
	for (const char *h = memchr(c->t, '#', c->len); h; h = memchr(h + 1, '#', c->len - (size_t)(h + 1 - c->t))) {
		size_t s = (size_t)(h - c->t) + 1;
		if (s > 1 && !strchr(" \n\t(\"'", c->t[s - 2]))
			continue;
		size_t e = alpha_end(c, s, c->len);
		if (!covered_by(c, s - 1, e) && name_in_compound(c, s, e, false))
			add_finding(c, SCAN_NAME, s - 1, e, 0.7);
	}
	for (const char *at = memchr(c->t, '@', c->len); at; at = memchr(at + 1, '@', c->len - (size_t)(at + 1 - c->t))) {
		size_t s = (size_t)(at - c->t), p = s + 1, e = handle_end(c, s);
		size_t first = e ? alpha_end(c, p, e) : p;
		if (first - p >= 8 && !covered_by(c, s, e) && name_in_compound(c, p, first, true))
			add_finding(c, SCAN_NAME, s, e, 0.4);
	}
}

static const char *const birth_before[] = {"geboren", "geb", "geboortedatum", "geboortedag", "gebdat",
	"geb.datum", "dob", "d.o.b", "date of birth", "birth date", "birthdate", "born", NULL};
static const char *const birth_after[] = {"geboren", "ter wereld", "was born", "is born", NULL};

/* Where the clause before `s` starts: a date after "Geboren: ... ." of another sentence is not a birth date. */
static size_t clause_start(const struct ctx *c, size_t s, size_t max)
{
	size_t from = back(s, max);
	for (size_t p = s; p > from; p--) {
		char ch = c->t[p - 1];
		if (ch == '\n' || ch == '!' || ch == '?' || ch == ';' ||
		    (ch == '.' && p >= 2 && c->t[p - 2] >= '0' && c->t[p - 2] <= '9'))
			return p;
	}
	return from;
}

static size_t clause_end(const struct ctx *c, size_t e, size_t max)
{
	size_t to = e + max < c->len ? e + max : c->len;
	for (size_t p = e; p < to; p++)
		if (c->t[p] == '\n' || c->t[p] == '!' || c->t[p] == '?' || (c->t[p] == '.' && p + 1 < c->len && c->t[p + 1] == ' '))
			return p;
	return to;
}

/*
 * Dates are birth dates only in a birth context: a keyword before ("geboren
 * op", "geb.", "DOB") or after ("... is onze dochter geboren"), or a full date
 * right after a name ("Sophie Verbeek, 02-11-2008").
 */
/* "°14-11-1944", "(* 05/06/2011)": the genealogists' sign for born right before */
static bool birth_sign_before(const struct ctx *c, size_t s)
{
	size_t p = s;
	while (p > 0 && c->t[p - 1] == ' ')
		p--;
	if (p >= 2 && (unsigned char)c->t[p - 2] == 0xc2 && (unsigned char)c->t[p - 1] == 0xb0) /* ° */
		return true;
	/* '*' after a space or an opening bracket: not a footnote on a word */
	return p >= 1 && c->t[p - 1] == '*' && (p == 1 || c->t[p - 2] == ' ' || c->t[p - 2] == '(');
}

static bool id_number_before(const struct ctx *c, size_t n, size_t off);
static size_t finding_first_at(const struct ctx *c, size_t n, size_t off);

static void scan_dates(struct ctx *c)
{
	size_t off = 0, s, e, f = 0;
	struct scan_result *r = c->out;
	size_t n = r->n;
	while (next_match(c, P_DATE, &off, &s, &e)) {
		if (c->ndates < sizeof c->dates / sizeof c->dates[0])
			c->dates[c->ndates++] = (struct span){s, e};
		if (s > 0 && c->t[s - 1] >= '0' && c->t[s - 1] <= '9')
			continue;
		/* wave 13: a year before 1900 is history ("Florence Nightingale (12 mei 1820)") */
		{
			size_t y = e;
			while (y < c->len && c->t[y] == ' ' && y - e < 2)
				y++;
			if (y == e) /* the year inside the match ("1-2-1850") */
				y = e >= 4 ? e - 4 : e;
			if (y + 4 <= c->len && c->t[y] == '1' && c->t[y + 1] >= '0' && c->t[y + 1] <= '8' && digit_at(c, y + 2) &&
			    digit_at(c, y + 3) && !digit_at(c, y + 4) && (y == 0 || !digit_at(c, y - 1)))
				continue;
		}
		if (window_has(c, clause_start(c, s, 40), s, birth_before) || birth_sign_before(c, s)) {
			/* (the year's apostrophe, "3-11-'42", since batch 49) */
			if (memchr(c->t + s, '\'', e - s) || memmem(c->t + s, e - s, "\xE2\x80\x99", 3))
				add_late(c, SCAN_DATE_OF_BIRTH, s, e, 0.9);
			else
				add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.9);
			continue;
		}
		if (window_has(c, e, clause_end(c, e, 60), birth_after)) {
			add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.7);
			continue;
		}
		/* only a full date: a four-digit year, or dd-mm-yy */
		size_t digits = 0, run = 0, maxrun = 0;
		for (size_t p = s; p < e; p++) {
			bool d = c->t[p] >= '0' && c->t[p] <= '9';
			digits += d;
			run = d ? run + 1 : 0;
			maxrun = run > maxrun ? run : maxrun;
		}
		if (maxrun < 4 && digits < 6)
			continue;
		while (f < n && r->v[f].end + 4 < s)
			f++;
		for (size_t k = f; k < n && r->v[k].start < s; k++) {
			if (r->v[k].type != SCAN_NAME || r->v[k].end > s || r->v[k].confidence < SCAN_COUNT_CONF)
				continue;
			bool gap = true;
			for (size_t p = r->v[k].end; p < s; p++)
				gap &= c->t[p] == ' ' || c->t[p] == ',' || c->t[p] == '(';
			if (gap) {
				add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.75);
				break;
			}
		}
		/* after batch 48: "Hendrika (Riek) Scholten, BSN 637650426,
		 * 19-08-1941": a full date right after a BSN or patient number, in a
		 * sentence with a name, is the rest of the person's identity */
		if (id_number_before(c, n, s))
			add_late(c, SCAN_DATE_OF_BIRTH, s, e, 0.75);
	}
}

/* A BSN or patient number among the findings [0, n) ends right before off
 * (commas and spaces between), and a counted name stands before it in the
 * sentence. */
static bool id_number_before(const struct ctx *c, size_t n, size_t off)
{
	size_t from = c->sent_at[sentence_of(c, off)];
	bool name = false;
	for (size_t k = finding_first_at(c, n, from); k < n && c->out->v[k].start < off; k++) {
		const struct scan_finding *x = &c->out->v[k];
		if (x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF)
			name = true;
		if (!name || (x->type != SCAN_BSN && x->type != SCAN_PATIENT_NUMBER) || x->end > off || x->end + 3 < off)
			continue;
		bool gap = true;
		for (size_t p = x->end; p < off; p++)
			gap &= c->t[p] == ' ' || c->t[p] == ',' || c->t[p] == ';';
		if (gap)
			return true;
	}
	return false;
}

/* --- ages and birth years tied to a person (reported as date_of_birth) */

/* after batch 42: "Hij is bouwjaar 1947": "is" (or "ben", "was") right
 * before the word at byte ws says a person is it */
static bool is_before(const struct ctx *c, size_t ws)
{
	char w[8], p[8];
	size_t vs;
	if (!word_before(c, ws, w, sizeof w, &vs) ||
	    (strcmp(w, "is") && strcmp(w, "ben") && strcmp(w, "was") && strcmp(w, "bent")))
		return false;
	/* the subject a person: "Hij is", "ik ben" ("Onze bus is bouwjaar 2008" is not) */
	return word_before(c, vs, p, sizeof p, NULL) &&
	       (!strcmp(p, "hij") || !strcmp(p, "zij") || !strcmp(p, "ze") || !strcmp(p, "ik") || !strcmp(p, "jij"));
}

static bool digit_at(const struct ctx *c, size_t i)
{
	return i < c->len && c->t[i] >= '0' && c->t[i] <= '9';
}

/* The lower-cased word that ends just before `off` (skipping spaces), in `w`. */
static size_t word_before(const struct ctx *c, size_t off, char *w, size_t cap, size_t *ws)
{
	size_t e = off;
	while (e > 0 && c->t[e - 1] == ' ')
		e--;
	if (e > 1 && c->t[e - 1] == '.' && is_letter_byte(c->t, e - 2, c->len)) /* "geb. 1938" */
		e--;
	size_t s = e;
	while (s > 0 && is_letter_byte(c->t, s - 1, c->len))
		s--;
	size_t n = e - s;
	if (n == 0 || n >= cap)
		return 0;
	memcpy(w, c->lt + s, n);
	w[n] = '\0';
	if (ws)
		*ws = s;
	return n;
}

/* The lower-cased word that starts at or after `off` (skipping spaces). */
static size_t word_after(const struct ctx *c, size_t off, char *w, size_t cap, size_t *we)
{
	size_t s = off;
	while (s < c->len && c->t[s] == ' ')
		s++;
	size_t e = s;
	while (e < c->len && is_letter_byte(c->t, e, c->len))
		e++;
	size_t n = e - s;
	if (n == 0 || n >= cap)
		return 0;
	memcpy(w, c->lt + s, n);
	w[n] = '\0';
	if (we)
		*we = e;
	return n;
}

static bool in_list(const char *w, const char *const *v)
{
	/* the first bytes first: most words differ there, and a call to strcmp
	 * per entry cost more than the test */
	for (; *v; v++)
		if (w[0] == (*v)[0] && (!w[0] || w[1] == (*v)[1]) && strcmp(w, *v) == 0)
			return true;
	return false;
}

/* Token k (lowered) is in list v.  A token holds letters, inner '-' and
 * '\'' only (no '.', no leading quote), and one of 16 bytes or more is in
 * no list: list entries longer than 15 bytes never match here. */
static const char *tok_low(const struct ctx *c, const struct tok *k)
{
	/* The rules ask about the same tokens many times: each is lowered once
	 * (k is always one of c->tok). */
	char *w = c->low[k - c->tok];
	if (!w[0]) {
		size_t n = k->e - k->s;
		if (n >= sizeof c->low[0]) {
			w[0] = '\1';
		} else {
			memcpy(w, c->lt + k->s, n);
			w[n] = '\0';
		}
	}
	return w[0] != '\1' ? w : NULL;
}

static bool tok_in(const struct ctx *c, const struct tok *k, const char *const *v)
{
	const char *w = tok_low(c, k);
	return w && in_list(w, v);
}

/* w (lower case, NUL-terminated) is in set s: in_list on its list, by hash. */
static bool word_in_set(const char *w, const struct wset *s)
{
	return wtab_find(&s->t, w, strlen(w)) != NULL;
}

/* w (lower case, NUL-terminated) is on the family list: the word table's
 * flag, one probe instead of a walk through some 150 words. */
static bool family_word(const char *w)
{
	return (lookup(w, strlen(w)) & W_FAMILY) != 0;
}

/* Token k (lowered) is in set s; the same answer as tok_in on its list.
 * (Lowering keeps a token's length in bytes.) */
static bool tok_in_set(const struct ctx *c, const struct tok *k, const struct wset *s)
{
	const char *w = tok_low(c, k);
	return w && wtab_find(&s->t, w, k->e - k->s) != NULL;
}

/* A name finding ends at `off`, with at most spaces, a comma or '(' between. */
static size_t finding_first_at(const struct ctx *c, size_t n, size_t off);

/* A name finding that stands for a person whose age or health is theirs to
 * keep: a counted name, or a staff member's (after batch 30, labelling rule
 * 6: "Onze Ria van de huishouding wordt zaterdag 67", "collega Johan Bakx is
 * plotseling overleden"); not a public figure's, a speaker's or an author's. */
static bool person_name(const struct scan_finding *x)
{
	return x->type == SCAN_NAME && (x->confidence >= SCAN_COUNT_CONF || x->confidence == STAFF_CONF);
}

/* The token of a capitalised listed first name (also one that is a word)
 * right before the bracket at `br`, or c->ntok. */
/* A signature's dash ends at g (spaces skipped before): "—", "–", or a
 * hyphen at the start or after a space ("- Niek"). */
static bool sign_dash_before(const struct ctx *c, size_t g)
{
	while (g > 0 && c->t[g - 1] == ' ')
		g--;
	return (g >= 3 && (!memcmp(c->t + g - 3, "\xe2\x80\x94", 3) || !memcmp(c->t + g - 3, "\xe2\x80\x93", 3))) ||
	       (g >= 1 && c->t[g - 1] == '-' && (g == 1 || c->t[g - 2] == ' '));
}

/* A word for many ("bewoners", "jongeren"): longer than four letters,
 * ending in -s or -en. */
static bool plural_word(const struct ctx *c, const struct tok *k)
{
	return k->e - k->s > 4 && (c->t[k->e - 1] == 's' || !memcmp(c->lt + k->e - 2, "en", 2));
}

/* Token i opens a sentence and the sentence before it is one ask word
 * alone ("Vragen? Trudy, 06-…"). */
static bool ask_alone_before(const struct ctx *c, size_t i, const char *const *ask)
{
	return i > 0 && i < c->ntok && c->tok[i].first && c->tok[i - 1].first &&
	       c->tok[i - 1].sent + 1 == c->tok[i].sent && tok_in(c, &c->tok[i - 1], ask);
}

static size_t bracket_name(const struct ctx *c, size_t br)
{
	size_t ti = tok_first_at(c, br);
	if (ti == 0 || ti > c->ntok)
		return c->ntok;
	const struct tok *b = &c->tok[ti - 1];
	if ((b->e == br || (b->e + 1 == br && c->t[b->e] == ' ')) && b->cap && !b->single && (b->flags & W_FIRST) &&
	    !(b->flags & W_PUBLIC))
		return ti - 1;
	/* wave 25 (batch 109): a post signed with a name the lists lack and an
	 * age, "— Eugenie (65)": after a dash, the bracket closing the text */
	if ((b->e == br || (b->e + 1 == br && c->t[b->e] == ' ')) && b->cap && !b->single && !b->acronym &&
	    !(b->flags & (W_LEX | W_NONAME | W_ORG | W_ROLE | W_MED | W_PUBLIC | W_TITLE | W_FAMILY | W_GREET))) {
		const char *close = memchr(c->t + br, ')', c->len - br);
		size_t q = close ? (size_t)(close - c->t) + 1 : c->len;
		while (q < c->len && strchr(" .!\n", c->t[q]))
			q++;
		if (close && q >= c->len && sign_dash_before(c, b->s))
			return ti - 1;
	}
	return c->ntok;
}

/* A name (counted or a hint: the writer's own) among the findings [0, n) starts at off. */
static bool name_starts_at(const struct ctx *c, size_t n, size_t off)
{
	for (size_t k = finding_first_at(c, n, off); k < n && c->out->v[k].start == off; k++)
		if (c->out->v[k].type == SCAN_NAME)
			return true;
	return false;
}

/* The person's name among the findings [0, n) ending right before off (see
 * name_ends_before), or n. */
static size_t name_before(const struct ctx *c, size_t n, size_t off)
{
	/* names are short: look only at findings starting in the 200 bytes before */
	for (size_t k = finding_first_at(c, n, back(off, 200)); k < n && c->out->v[k].start <= off; k++) {
		const struct scan_finding *x = &c->out->v[k];
		if (!person_name(x) || x->end > off || x->end + 4 < off)
			continue;
		bool gap = true;
		/* '.': the full stop of an initial the name ends on ("dhr. K. (34)") */
		for (size_t p = x->end; p < off; p++)
			gap &= c->t[p] == ' ' || c->t[p] == ',' || c->t[p] == '(' || (p == x->end && c->t[p] == '.');
		if (gap)
			return k;
	}
	return n;
}

static bool name_ends_before(const struct ctx *c, size_t n, size_t off)
{
	return name_before(c, n, off) < n;
}

/* x is a name the name model made a hint (0.4), capitalised, not a public
 * figure's nor a speaker's, ending right before off with a space, comma or
 * '(' between. */
static bool aged_hint(const struct ctx *c, const struct scan_finding *x, size_t off)
{
	if (x->type != SCAN_NAME || x->confidence != 0.4 || x->end > off || x->end + 3 < off ||
	    c->t[x->start] < 'A' || c->t[x->start] > 'Z' || is_public(c, x->start, x->end) ||
	    (c->pub && c->pub[sentence_of(c, x->start)]))
		return false;
	for (size_t p = x->end; p < off; p++)
		if (c->t[p] != ' ' && c->t[p] != ',' && c->t[p] != '(')
			return false;
	return true;
}

/* The sentence holding `off` speaks of a person: a name, "ik", a title or a family word. */
/* The first of the findings [0, n) that starts at or after off; they must be sorted by start. */
static size_t finding_first_at(const struct ctx *c, size_t n, size_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->out->v[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* After batch 39: a sentence that opens with the writer's verb, "ik"
 * left out ("Ben 67, net gestopt met werken en ...", "Heb sinds gisteren
 * ..."); not a question to the reader ("Ben je ...?", "Heb jij ...") */
/* The token is the word "ik" (any case). */
static bool tok_is_ik(const struct ctx *c, const struct tok *k)
{
	return k->e - k->s == 2 && (c->t[k->s] | 0x20) == 'i' && (c->t[k->s + 1] | 0x20) == 'k';
}

static bool ikless_start(const struct ctx *c, size_t i)
{
	const struct tok *k = &c->tok[i];
	if (!k->first || !(k->flags & W_IKVERB) || i + 1 >= c->ntok || c->tok[i + 1].sent != k->sent)
		return false;
	return !tok_in(c, &c->tok[i + 1], (const char *const[]){"je", "jij", "u", "jullie", "ik", "we", "wij", "er",
	                                                        "het", "ze", "zij", "hij", NULL});
}

/*
 * The sentence holding `off` speaks of a person: a name among the findings
 * [0, n) (sorted by start), "ik", a title or a family word.  Both looks are
 * bounded by the sentence (a binary search, and a per-sentence flag made
 * once), so a 1 MiB text of one sentence stays linear.
 */
static const bool *sentence_persons(struct ctx *c);

static bool person_near_as(struct ctx *c, size_t n, size_t off, bool staff)
{
	size_t s = sentence_of(c, off);
	size_t from = c->sent_at[s], to = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
	for (size_t k = finding_first_at(c, n, from); k < n && c->out->v[k].start < to; k++) {
		const struct scan_finding *x = &c->out->v[k];
		if (staff ? person_name(x) : x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF)
			return true;
	}
	return sentence_persons(c)[s];
}

/* Per sentence: a family word, a title, "ik" or a sentence that starts
 * with the writer's verb ("Heb al weken ...") in it. */
static const bool *sentence_persons(struct ctx *c)
{
	if (!c->sperson) {
		c->sperson = xcalloc(c->nsent, sizeof *c->sperson);
		for (size_t i = 0; i < c->ntok; i++) {
			const struct tok *k = &c->tok[i];
			if ((k->flags & (W_FAMILY | W_TITLE)) ||
			    tok_is_ik(c, k) ||
			    ikless_start(c, i))
				c->sperson[k->sent] = true;
		}
	}
	return c->sperson;
}

/* For a room: a counted name only (a nurse named "op K12" works there). */
static bool person_near(struct ctx *c, size_t n, size_t off)
{
	return person_near_as(c, n, off, false);
}

/* For an age: a staff member's too (labelling rule 6). */
static bool age_person_near(struct ctx *c, size_t n, size_t off)
{
	return person_near_as(c, n, off, true);
}

/*
 * "Eva is zes", "Kofi wordt 18": a listed first name (or a proper noun)
 * opening the clause right before the age verb at `vs` is a person, even one
 * that is also an ordinary word.  Adds the name (0.6) and says so.
 */
static bool age_subject_name(struct ctx *c, size_t vs)
{
	size_t lo = 0, hi = c->ntok;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->tok[mid].e <= vs)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	const struct tok *k = &c->tok[lo - 1];
	if (!k->cap || k->acronym || c->veto[lo - 1] || (k->flags & (W_NONAME | W_ORG | W_ROLE | W_PRONOUN | W_MED)) ||
	    !(k->flags & (W_FIRST | W_PROPER)) || !only_space(c, k->e, vs))
		return false;
	add_finding(c, SCAN_NAME, k->s, k->e, 0.6);
	return true;
}

static const char *const age_verbs[] = {"is", "ben", "wordt", "word", "werd", "was", "bent", "zijn",
	"worden", "turns", "turned", "aged", NULL};
static const char *const age_advs[] = {"vandaag", "hjoed", "juster", "moarn", "morgen", "gisteren", "gister", "bijna", "net", "pas", "al",
	"nu", "zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
	"vorige", "volgende", "week", "deze", "nog", "inmiddels", "sinds", "just", "today",
	/* wave 12: "Pa wordt volgende maand 91", "Hij werd maar 23" */
	"maand", "volgend", "jaar", "dit", "straks", "binnenkort", "maar", "ook", "ruim", "ongeveer", "alweer",
	"toch", "echt", "officieel",
	/* after batch 34: "Gonny werd die avond 60" */
	"die", "avond", "ochtend", "middag", "dag",
	/* wave 13: "Kevin wordt over twee weken 18" */
	"over", "weken", "dagen", "twee", "drie", "paar",
	/* wave 24 (batch 106): "Ik ben zelf 89 en heb thuiszorg" */
	"zelf", NULL};
/* wave 13: words that speak of everyone born then, not of one person:
 * "mensen geboren in 1960 of eerder", "kinderen geboren na 2015" */
static const char *const birth_groups[] = {"mensen", "iedereen", "personen", "kinderen", "ouderen",
	"jongeren", "allen", "inwoners", "mannen", "vrouwen", "senioren", "volwassenen", "baby's", NULL};
static const char *const approx_words[] = {"bijna", "ruim", "pas", "net", "ca", "circa", "ongeveer", "al", NULL};

/* "een jaar of 15", "een jaar of vijftien": the start of "een" before the
 * age at off, or SIZE_MAX */
static size_t jaar_of_before(const struct ctx *c, size_t off)
{
	char a1[8], a2[8], a3[8];
	size_t s1, s2, s3;
	if (word_before(c, off, a1, sizeof a1, &s1) && !strcmp(a1, "of") && word_before(c, s1, a2, sizeof a2, &s2) &&
	    !strcmp(a2, "jaar") && word_before(c, s2, a3, sizeof a3, &s3) && !strcmp(a3, "een"))
		return s3;
	return SIZE_MAX;
}

/* "geboren in 1960 of eerder", "... en later": a range, not a person's year */
static bool year_range_after(const struct ctx *c, size_t e)
{
	char a[8], b[12];
	size_t ae;
	if (!word_after(c, e, a, sizeof a, &ae))
		return false;
	if (strcmp(a, "of") && strcmp(a, "en") && strcmp(a, "tot") && strcmp(a, "t"))
		return false;
	/* "tussen 1940 en 1950", "1945 tot 1950", "1950 t/m 1955" */
	size_t p = ae;
	while (p < c->len && (c->t[p] == ' ' || c->t[p] == '/' || c->t[p] == 'm'))
		p++;
	if (digit_at(c, p) || (p < c->len && c->t[p] == '\''))
		return true;
	return word_after(c, ae, b, sizeof b, NULL) &&
	       (strcmp(b, "eerder") == 0 || strcmp(b, "later") == 0 || strcmp(b, "ouder") == 0 ||
	        strcmp(b, "jonger") == 0 || strcmp(b, "daarvoor") == 0 || strcmp(b, "daarna") == 0);
}

/* Up to `max` words back from off in the same sentence, is one of them w
 * (lower case)?  Its start in *at; the word before it in prev. */
static bool word_back_within(const struct ctx *c, size_t off, const char *w, int max, size_t *at, char *prev,
                             size_t cap)
{
	char x[24];
	size_t ws = off;
	for (int k = 0; k < max; k++) {
		size_t p = ws;
		while (p > 0 && c->t[p - 1] == ' ')
			p--;
		if (p > 0 && strchr(".!?;:\n", c->t[p - 1]))
			return false;
		if (!word_before(c, ws, x, sizeof x, &ws))
			return false;
		if (!strcmp(x, w)) {
			*at = ws;
			if (!word_before(c, ws, prev, cap, NULL))
				prev[0] = '\0';
			return true;
		}
	}
	return false;
}
/* "... is 5 jaar geleden", "zijn 50 jaar getrouwd": the number is not an age */
/* Wave 30 (batch 125): after "-jarig(e)" a thing that lasts years, not a
 * person's age ("zijn veertigjarig jubileum", "het 25-jarig bestaan"). */
static const char *const jarig_not[] = {"jubileum", "dienstjubileum", "bestaan", "huwelijk", "huwelijksfeest",
	"lidmaatschap", "dienstverband", "contract", "opleiding", "traject", "programma", "project", "onderzoek",
	"partnerschap", "samenwerking", NULL};

static const char *const age_not_after[] = {"geleden", "lang", "getrouwd", "ervaring", "later",
	"eerder", "werkzaam", "samen", "in", "bij", "na", "voor", "uur", "minuten", "keer", "dagen",
	"weken", "maanden", "euro", "procent", "kilo", "kg", "cm", "meter", "graden", "jarig",
	/* after batch 30: "Gerard Hooijer, 35 jaar onze huismeester": years of service */
	"onze", "ons", "als", "trouw", "actief", NULL};
static struct wset age_not_set = WSET(age_not_after);
/* wave 14: when a birthday comes, after "wordt 18" */
static const char *const age_when[] = {"volgende", "deze", "vandaag", "morgen", "overmorgen", "vanavond",
	"binnenkort", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "dit",
	"straks", "alweer", "next", "this", "today", "tomorrow", NULL};
static const char *const age_person_after[] = {"mevrouw", "meneer", "man", "vrouw", "bewoner",
	"bewoonster", "patiënt", "patiënte", "cliënt", "cliënte", "dame", "heer", "jongen", "meisje",
	"moeder", "vader", "zoon", "dochter", "opa", "oma", "mw", "dhr", "mevr", "patient", "client",
	"resident", "jongeman", "vriendin", "vriend", "broer", "zus",
	/* wave 11: the little ones */
	"kleintje", "kindje", "zoontje", "dochtertje", "ventje", "mannetje", "meid", "meisje", "baby", "baby'tje",
	"peuter", "kleuter", "tiener", "puber", "zuigeling", "kleindochter", "kleinzoon", "kraamvrouw",
	/* wave 24 (batches 102-103): people in the news of the day and foster
	 * children ("de 17-jarige bestuurder", "ons pleegzoontje (7)") */
	"bestuurder", "bestuurster", "automobilist", "fietser", "fietsster", "motorrijder", "scooterrijder",
	"bromfietser", "voetganger", "inzittende", "slachtoffer", "scholier", "leerling", "pleegzoon",
	"pleegdochter", "pleegzoontje", "pleegdochtertje", "pleegkind", "pleegkindje", "buurjongen", "buurmeisje",
	NULL};
static struct wset age_after_set = WSET(age_person_after);

/* A baby's age: "8 weken", "14 maanden", "4 mnd". */
static bool baby_unit(const char *w)
{
	static const char *const units[] = {"weken", "week", "wk", "wkn", "maanden", "maand", "mnd", "mndn",
		"weeks", "months", NULL};
	return in_list(w, units);
}

/* wave 27 (batch 116): a newborn's age in days, "Onze Sem is 8 dagen",
 * "(baby Van Dijk, 2 dgn)" */
static bool newborn_unit(const char *w)
{
	return in_list(w, (const char *const[]){"dagen", "dgn", "days", "dagjes", NULL});
}

/* An age found by scan_ages: to c->late when a rule of wave 27 or later
 * found it (the models never read it), else among the findings. */
static void add_age(struct ctx *c, bool late, size_t s, size_t e, double conf)
{
	if (late)
		add_late(c, SCAN_DATE_OF_BIRTH, s, e, conf);
	else
		add_finding(c, SCAN_DATE_OF_BIRTH, s, e, conf);
}

/*
 * After "<number> <unit>" (ending at `we`): does the age stand alone?  Only
 * punctuation, "oud", "en", or the person's verb (-t/-d) may follow: "is 14
 * maanden en loopt nog niet", "van 8 weken spuugt", not "is 3 weken
 * opgenomen" or "3 weken geleden".  *end moves past "oud".
 */
static bool baby_age_alone(const struct ctx *c, size_t we, size_t *end)
{
	char w3[32];
	size_t we3, k3 = word_after(c, we, w3, sizeof w3, &we3);
	*end = we;
	if (!k3) {
		size_t q = we;
		while (q < c->len && c->t[q] == ' ')
			q++;
		return q >= c->len || !digit_at(c, q);
	}
	if (strcmp(w3, "oud") == 0 || strcmp(w3, "old") == 0) {
		*end = we3;
		return true;
	}
	if (word_in_set(w3, &age_not_set) || strcmp(w3, "het") == 0 || strcmp(w3, "dat") == 0)
		return false;
	return strcmp(w3, "en") == 0 || w3[k3 - 1] == 't' || w3[k3 - 1] == 'd';
}

/*
 * Wave 12: "op z'n 79e nog begonnen", "gefeliciteerd met je 65e!", "voor haar
 * tachtigste": an ordinal [s, e) after a possessive after a preposition is
 * someone's age, when what follows it is no noun it counts ("op zijn 3e
 * dag", "met haar 2e kind"): punctuation, or a word of a short list.
 * *plural says the possessive was "hun": after batch 46, people in general
 * ("Mensen met het syndroom van Down ... soms al rond hun vijftigste") unless
 * the caller finds a person in the sentence ("Mijn ouders vieren op hun 60e").
 */
/* An ordinal after "je", "jouw", "uw" or "hun" is someone's when a person
 * is near — not the reader's own family ("Tot je 18e zit je op de
 * zorgverzekering van je ouders": anyone's; wave 25, batch 109). */
static bool ordinal_person(struct ctx *c, size_t n, size_t off)
{
	if (!age_person_near(c, n, off))
		return false;
	size_t t0 = tok_first_at(c, off);
	if (t0 >= c->ntok)
		return true;
	uint32_t sn = c->tok[t0].sent;
	for (size_t j = 0; j < n; j++)
		if (c->out->v[j].type == SCAN_NAME && c->out->v[j].confidence >= SCAN_COUNT_CONF)
			return true;
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		if (k->sent != sn)
			continue;
		if (tok_is_ik(c, k) || tok_in(c, k, (const char *const[]){"mijn", "m'n", "mn", NULL}))
			return true;
		/* (nor many: "Jongeren en roken: ... voor hun 18e", batch 110) */
		if ((k->flags & (W_FAMILY | W_TITLE)) && !plural_word(c, k) &&
		    !(t > 0 && tok_in(c, &c->tok[t - 1], (const char *const[]){"je", "jouw", "uw", "hun", "jullie", NULL})))
			return true;
	}
	return false;
}

static bool ordinal_age(const struct ctx *c, size_t s, size_t e, bool *plural)
{
	static const char *const poss[] = {"z'n", "zijn", "haar", "d'r", "je", "jouw", "mijn", "m'n", "hun",
		"uw", "zn", "mn", NULL};
	static const char *const preps[] = {"op", "met", "voor", "sinds", "na", "tot", "vanaf", "rond", "tegen",
		NULL};
	static const char *const next[] = {"nog", "al", "pas", "begonnen", "gestopt", "overleden", "verhuisd",
		"ging", "gaat", "en", "verjaardag", "levensjaar", "jarig", "getrouwd", "trouwde", "kreeg", "kwam",
		"is", "was", "heeft", "had",
		/* wave 25 (batch 108): "woont sinds haar 18e op De Horst" */
		"op", "in", "bij", "woont", "woonde", "werkt", "zit", "zat", "thuis", "alleen", "naar", "uit", NULL};
	char w[8];
	size_t p = s;
	for (int k = 0; k < 2; k++) {
		while (p > 0 && c->t[p - 1] == ' ')
			p--;
		size_t q = p;
		while (q > 0 && p - q < sizeof w - 1 && (is_letter_byte(c->t, q - 1, c->len) || c->t[q - 1] == '\''))
			q--;
		if (q == p || p - q >= sizeof w - 1 || (q > 0 && is_letter_byte(c->t, q - 1, c->len)))
			return false;
		memcpy(w, c->lt + q, p - q);
		w[p - q] = '\0';
		if (!in_list(w, k == 0 ? poss : preps))
			return false;
		/* (wave 24, batch 106: "je", "jouw", "uw" may be anyone's —
		 * "Revalideren na je 80e?" — and need a person near, as "hun") */
		if (k == 0)
			*plural = !strcmp(w, "hun") || !strcmp(w, "je") || !strcmp(w, "jouw") || !strcmp(w, "uw");
		p = q;
	}
	size_t q = e;
	while (q < c->len && c->t[q] == ' ')
		q++;
	if (q >= c->len || strchr(".,!?;:)\n", c->t[q]))
		return true;
	char x[16];
	size_t r = q;
	while (r < c->len && r - q < sizeof x - 1 && is_letter_byte(c->t, r, c->len))
		r++;
	if (r - q >= sizeof x - 1 || r == q || (r < c->len && is_letter_byte(c->t, r, c->len)))
		return false;
	memcpy(x, c->lt + q, r - q);
	x[r - q] = '\0';
	return in_list(x, next);
}

/*
 * Wave 12: ages in figures of speech — "92 lentes jong", "acht kruisjes" (a
 * cross per decade), "85 jaartjes", "70 zomers" — with a person in the
 * sentence (a name, a person word, or hij / ze / zij).  The end of the
 * phrase, or 0.
 */
static size_t figurative_age(struct ctx *c, size_t n, size_t s, size_t e)
{
	static const char *const units[] = {"lentes", "lentejes", "kruisjes", "jaartjes", "zomers", NULL};
	char w[12];
	size_t we;
	if (!word_after(c, e, w, sizeof w, &we) || !in_list(w, units))
		return 0;
	if (person_near(c, n, s))
		return we;
	size_t sent = sentence_of(c, s);
	static const char *const pron[] = {"hij", "ze", "zij", NULL};
	for (size_t i = tok_first_at(c, c->sent_at[sent]); i < c->ntok && c->tok[i].sent == sent; i++)
		if (tok_in(c, &c->tok[i], pron))
			return we;
	for (size_t f = 0; f < n; f++)
		if (c->out->v[f].type == SCAN_NAME && c->out->v[f].confidence >= SCAN_COUNT_CONF &&
		    sentence_of(c, c->out->v[f].start) == sent)
			return we;
	return 0;
}

/* A name among the findings [0, n) ends before off with at most three
 * lower-case words between ("Wim van hiernaast (93!)"). */
static bool name_words_before(const struct ctx *c, size_t n, size_t off)
{
	size_t p = off;
	for (int w = 0; w <= 3; w++) {
		while (p > 0 && c->t[p - 1] == ' ')
			p--;
		if (w > 0 && name_ends_before(c, n, p))
			return true;
		size_t q = p;
		while (q > 0 && c->t[q - 1] >= 'a' && c->t[q - 1] <= 'z')
			q--;
		if (q == p || (q > 0 && c->t[q - 1] != ' '))
			return false;
		p = q;
	}
	return false;
}

/* The sentence holding off has "hij", "zij" or "ze" as a word within 200
 * bytes before off (bounded: a text may be one long sentence). */
static bool pronoun_subject(const struct ctx *c, size_t off)
{
	size_t s = sentence_of(c, off);
	size_t from = c->sent_at[s], to = off;
	if (to - from > 200)
		from = to - 200;
	static const char *const subj[] = {"hij", "zij", "ze", "he", "she", NULL};
	for (size_t p = from; p < to;) {
		while (p < to && !is_letter_byte(c->t, p, c->len))
			p++;
		size_t q = p;
		while (q < to && is_letter_byte(c->t, q, c->len))
			q++;
		if (q > p && q - p <= 3) {
			char w[4];
			memcpy(w, c->lt + p, q - p);
			w[q - p] = '\0';
			if (in_list(w, subj))
				return true;
		}
		p = q;
	}
	return false;
}

/* Only spaces and bullets stand between the start of off's sentence and off. */
static bool sentence_opens_at(const struct ctx *c, size_t off)
{
	size_t s = sentence_of(c, off);
	for (size_t p = c->sent_at[s]; p < off; p++)
		if (c->t[p] != ' ' && c->t[p] != '\n' && c->t[p] != '-' && c->t[p] != '*')
			return false;
	return true;
}

/* The word before the bracket at br is a family or person word ("opa (",
 * "mijn zus ("), or "hier" after a name ("Tessa hier ("). */
static bool bracket_person_word(struct ctx *c, size_t n, size_t br)
{
	char w[24];
	size_t ws;
	if (!word_before(c, br, w, sizeof w, &ws))
		return false;
	if (family_word(w) || word_in_set(w, &age_after_set))
		return true;
	if (!strcmp(w, "hier") && name_ends_before(c, n, ws))
		return true;
	/* wave 25 (batch 110): a name in lower case the lists lack after a
	 * family word or "van" ("mn broertje rayan (8)", "moeder van kyano
	 * (6)"), or lower-case words after an honorific ("mevr de wit ('46)") */
	size_t t = tok_first_at(c, ws);
	if (t == 0 || t >= c->ntok || c->tok[t].s != ws)
		return false;
	const struct tok *nm = &c->tok[t], *pv = &c->tok[t - 1];
	if (nm->cap || pv->sent != nm->sent)
		return false;
	for (size_t q = nm->s; q < nm->e; q++)
		if (!is_letter_byte(c->t, q, c->len))
			return false;
	bool plain = !(nm->flags & (W_ROLE | W_MED | W_TITLE | W_FAMILY | W_NONAME | W_ORG | W_PET)) &&
	             (!(nm->flags & W_LEX) || (nm->flags & W_FIRST));
	if (plain && ((pv->flags & W_FAMILY) ||
	              (t >= 2 && c->tok[t - 2].sent == nm->sent && tok_in(c, pv, (const char *const[]){"van", NULL}) &&
	               (c->tok[t - 2].flags & (W_FAMILY | W_TITLE)))))
		return true;
	static const char *const hon[] = {"mevr", "mevrouw", "mw", "mvr", "dhr", "meneer", NULL};
	for (size_t b = t; b-- > 0 && b + 3 >= t && c->tok[b].sent == nm->sent;) {
		if (tok_in(c, &c->tok[b], hon))
			return true;
		if (c->tok[b].cap)
			break;
	}
	return false;
}

/* A pictograph starts at q (U+2600 to U+27BF, U+1F000 and up: "🎂", "❤️", "⭐"). */
static bool emoji_at(const struct ctx *c, size_t q)
{
	unsigned char b = q < c->len ? (unsigned char)c->t[q] : 0;
	if (b >= 0xF0)
		return true;
	return b == 0xE2 && q + 1 < c->len && ((unsigned char)c->t[q + 1] == 0x98 || (unsigned char)c->t[q + 1] == 0x9C ||
	                                       (unsigned char)c->t[q + 1] == 0x9D || (unsigned char)c->t[q + 1] == 0xAD);
}

/*
 * After batch 48: "ik ben shanice, 13", "ik ben mo, 22": the writer's own
 * name in lower case between "ik ben" and the comma at `comma`, a word no
 * dictionary knows or a listed first name ("ik ben moe, ..." is no one);
 * its token, or c->ntok.
 */
static size_t self_intro_name(const struct ctx *c, size_t comma)
{
	size_t t = tok_first_at(c, comma);
	if (t < 3 || t > c->ntok)
		return c->ntok;
	const struct tok *nm = &c->tok[t - 1], *ben = &c->tok[t - 2], *ik = &c->tok[t - 3];
	if (nm->e != comma || nm->sent != ik->sent || ben->sent != ik->sent || nm->cap || !tok_is_ik(c, ik) ||
	    ben->e - ben->s != 3 || memcmp(c->lt + ben->s, "ben", 3) != 0)
		return c->ntok;
	for (size_t p = nm->s; p < nm->e; p++)
		if (!is_letter_byte(c->t, p, c->len))
			return c->ntok;
	if ((nm->flags & (W_ROLE | W_MED | W_TITLE | W_FAMILY | W_NONAME | W_ORG)) ||
	    ((nm->flags & W_LEX) && !(nm->flags & W_FIRST)))
		return c->ntok;
	return t - 1;
}

static void scan_ages(struct ctx *c)
{
	size_t n = c->out->n;
	char w[32], w2[32];
	for (size_t i = 0; i < c->len; i++) {
		/* most bytes are no digit: pass them in a tight loop */
		while (i < c->len && (unsigned char)(c->t[i] - '0') > 9)
			i++;
		if (i == c->len)
			break;
		/* "°1941": the degree sign's bytes read as a letter's */
		/* wave 27: the rules added since are read after the models (their
		 * findings go to c->late), so the models' training data stays the same */
		bool w27 = false;
		bool degree = i >= 2 && (unsigned char)c->t[i - 2] == 0xc2 && (unsigned char)c->t[i - 1] == 0xb0;
		if (!digit_at(c, i) || (i > 0 && (digit_at(c, i - 1) || c->t[i - 1] == '.' || c->t[i - 1] == ',' ||
		                                  (is_letter_byte(c->t, i - 1, c->len) && !degree))))
			continue;
		size_t e = i;
		while (digit_at(c, e))
			e++;
		size_t nd = e - i;
		size_t j = i;
		i = e - 1;
		bool apos = j > 0 && (c->t[j - 1] == '\'' || (j > 2 && (unsigned char)c->t[j - 1] == 0x99 &&
		                                                (unsigned char)c->t[j - 3] == 0xE2));
		bool star = j > 0 && c->t[j - 1] == '*';
		/* birth years: "geboren in '52", "geboortejaar 1948", "bouwjaar '61", "(*1944)", "in 1939 geboren" */
		if ((nd == 4 && (c->t[j] == '1' || c->t[j] == '2') && (c->t[j + 1] == '9' || c->t[j + 1] == '0')) ||
		    (nd == 2 && apos)) {
			if (e < c->len && (digit_at(c, e) || is_letter_byte(c->t, e, c->len)))
				continue;
			size_t from = j - (apos ? (c->t[j - 1] == '\'' ? 1 : 3) : 0), ws;
			if (star) {
				add_age(c, w27, j - 1, e, 0.75);
				continue;
			}
			/* "mevrouw Brouwer, 1938, ALS": a year between commas right after a
			 * name, as a handover lists a person (wave 11); "(°'52)" */
			if (nd == 4 && j >= 2 && c->t[j - 1] == ' ' && c->t[j - 2] == ',' && e < c->len &&
			    (c->t[e] == ',' || c->t[e] == ';') && name_ends_before(c, n, j)) {
				add_age(c, w27, j, e, 0.75);
				continue;
			}
			/* (wave 24, batch 102: a space between, "Mevr. Oosterbeek, ° 1938") */
			size_t dg = from >= 3 && c->t[from - 1] == ' ' ? from - 1 : from;
			if (dg >= 2 && (unsigned char)c->t[dg - 2] == 0xc2 && (unsigned char)c->t[dg - 1] == 0xb0) {
				/* "(°'52)", wave 12 also "°1941" */
				add_age(c, w27, from, e, 0.8);
				continue;
			}
			/* wave 24 (batch 106): a life's span after a name, "In memoriam Bram
			 * (1949-2026)" */
			if (nd == 4 && from >= 1 && c->t[from - 1] == '(' && e + 5 < c->len && c->t[e] == '-' &&
			    digit_at(c, e + 1) && digit_at(c, e + 4) && !digit_at(c, e + 5) && c->t[e + 5] == ')' &&
			    (name_ends_before(c, n, from - 1) || bracket_person_word(c, n, from - 1))) {
				add_late(c, SCAN_DATE_OF_BIRTH, from, e, 0.75);
				continue;
			}
			/* after batch 42: "Mw. Jansen-de Rooij ('38): CVA li" */
			/* after batch 49, the four-digit year too ("dhr. Okafor (1951) is
			 * gisteren verward aangetroffen", "Mijn zus Dilara (2009)"), and after
			 * a family word or "<name> hier" ("Mijn opa ('31)", "Tessa hier ('98)") */
			if (from >= 1 && c->t[from - 1] == '(' && e < c->len && c->t[e] == ')' &&
			    (name_ends_before(c, n, from - 1) || bracket_person_word(c, n, from - 1))) {
				if (apos && name_ends_before(c, n, from - 1)) /* (since batch 42) */
					add_age(c, w27, from, e, 0.75);
				else
					add_late(c, SCAN_DATE_OF_BIRTH, from, e, 0.75);
				continue;
			}
			size_t wn = word_before(c, from, w, sizeof w, &ws);
			/* wave 25 (batch 109): "ria v.d. broek hier (van 1956)", "Opa Kees
			 * (van '38)" */
			if (wn && !strcmp(w, "van") && ws >= 1 && c->t[ws - 1] == '(' && e < c->len && c->t[e] == ')') {
				char hw[8];
				size_t hs = ws - 1;
				if (name_ends_before(c, n, hs) || bracket_person_word(c, n, hs) ||
				    (word_before(c, hs, hw, sizeof hw, NULL) && !strcmp(hw, "hier"))) {
					add_late(c, SCAN_DATE_OF_BIRTH, ws, e, 0.75);
					continue;
				}
			}
			size_t ws2 = ws;
			if (wn && strcmp(w, "in") == 0)
				wn = word_before(c, ws, w, sizeof w, &ws2);
			/* "Geboren in 1950? Dan ..." speaks to every reader born then, as
			 * "mensen geboren in 1960 of eerder" to everyone (wave 13) */
			bool question = (e < c->len && c->t[e] == '?') || year_range_after(c, e);
			if (!question && wn && (strcmp(w, "geboren") == 0 || strcmp(w, "geb") == 0)) {
				char gw[24];
				question = word_before(c, ws2, gw, sizeof gw, NULL) && in_list(gw, birth_groups);
			}
			/* "Mevrouw Lubbers is van 1934": a person who "is van" a year */
			if (wn && !question && strcmp(w, "van") == 0 && (nd == 4 || apos)) { /* "is van '38" */
				char w0[16];
				if (word_before(c, ws, w0, sizeof w0, NULL) && in_list(w0, age_verbs) && age_person_near(c, n, j)) {
					add_age(c, w27, j, e, 0.7);
					continue;
				}
				/* wave 27 (batch 117): "Mijn man, een jongen van '47": a
				 * person word before "van" and the year's apostrophe */
				char pw0[24];
				if (apos && word_before(c, ws, pw0, sizeof pw0, NULL) &&
				    (word_in_set(pw0, &age_after_set) || family_word(pw0))) {
					add_late(c, SCAN_DATE_OF_BIRTH, from, e, 0.7);
					continue;
				}
			}
			/* wave 27 (batch 117): "mn vader (jg '49)", "Teść Kazimierz
			 * (rocznik '44)": a year's label in brackets after a person */
			if (wn && !question && apos && (!strcmp(w, "jg") || !strcmp(w, "jrg") || !strcmp(w, "rocznik")) &&
			    e < c->len && c->t[e] == ')') {
				add_late(c, SCAN_DATE_OF_BIRTH, ws2, e, 0.75);
				continue;
			}
			if (wn && !question && (strcmp(w, "geboren") == 0 || strcmp(w, "geb") == 0 || strcmp(w, "geboortejaar") == 0 ||
			           strcmp(w, "bj") == 0 || strcmp(w, "geboorte") == 0 || strcmp(w, "year") == 0 ||
			           strcmp(w, "born") == 0 ||
			           ((strcmp(w, "bouwjaar") == 0 || strcmp(w, "jaargang") == 0 || strcmp(w, "lichting") == 0) &&
			            (apos || age_person_near(c, n, j) || is_before(c, ws2))))) {
				add_age(c, w27, ws2, e, 0.8);
				continue;
			}
			/* wave 13: "geboren in de hongerwinter van '44": born a few words back */
			{
				size_t gat;
				char gw[24];
				if (!question && word_back_within(c, from, "geboren", 6, &gat, gw, sizeof gw) &&
				    !in_list(gw, birth_groups)) {
					add_age(c, w27, from, e, 0.75);
					continue;
				}
			}
			size_t we;
			if (word_after(c, e, w2, sizeof w2, &we) && strcmp(w2, "geboren") == 0) {
				size_t s0 = from;
				if (word_before(c, from, w, sizeof w, &ws) && strcmp(w, "in") == 0)
					s0 = ws;
				add_age(c, w27, s0, we, 0.8);
			}
			continue;
		}
		if (nd > 3 || apos || star)
			continue;
		unsigned v = 0;
		for (size_t p = j; p < e; p++)
			v = v * 10 + (unsigned)(c->t[p] - '0');
		if (v == 0 || v > 120)
			continue;
		/* wave 11: "1,5 jaar", "2,5 maand": one decimal before an age's unit */
		if (e + 1 < c->len && c->t[e] == ',' && digit_at(c, e + 1) && !digit_at(c, e + 2) && nd <= 2) {
			char uw[16];
			if (word_after(c, e + 2, uw, sizeof uw, NULL) &&
			    (strcmp(uw, "jaar") == 0 || strcmp(uw, "jr") == 0 || baby_unit(uw)))
				e += 2;
		}
		/* the number must stand alone: not a time, date, amount or part of a code */
		if (e < c->len && (c->t[e] == ':' || c->t[e] == '%' || c->t[e] == '/' ||
		                   ((c->t[e] == '.' || c->t[e] == ',') && digit_at(c, e + 1)) ||
		                   (c->t[e] == '-' && digit_at(c, e + 1))))
			continue;
		if (j > 0 && (c->t[j - 1] == '-' || c->t[j - 1] == '/' || c->t[j - 1] == '+'))
			continue;
		size_t we;
		/* "92-jarige Truus", "de 101-jarige mevrouw Van Leeuwen" */
		if (e + 1 < c->len && c->t[e] == '-' && word_after(c, e + 1, w2, sizeof w2, &we) &&
		    strncmp(w2, "jarig", 5) == 0) {
			size_t after = we;
			char w3[32];
			if (word_after(c, after, w3, sizeof w3, NULL) && in_list(w3, jarig_not))
				continue;
			bool person = name_ends_before(c, n, j) ||
			              (word_after(c, after, w3, sizeof w3, NULL) && word_in_set(w3, &age_after_set)) ||
			              /* wave 14: "is op 68-jarige leeftijd overleden" */
			              (word_after(c, after, w3, sizeof w3, NULL) && strcmp(w3, "leeftijd") == 0 &&
			               age_person_near(c, n, j));
			if (!person)
				for (size_t k = 0; k < n; k++) {
					const struct scan_finding *x = &c->out->v[k];
					if (x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF && x->start >= after &&
					    x->start <= after + 24)
						person = true;
				}
			if (person) {
				add_age(c, w27, j, we, 0.75);
			} else if (word_after(c, after, w3, sizeof w3, NULL) && !strcmp(w3, "die") &&
			           counted_in(c->out, n, SCAN_NAME)) {
				/* wave 29 (batch 121): "Aïcha El Amrani, de 90-jarige die
				 * gisteren is ingestroomd": "die" after it, a counted name
				 * in the text (after the models: their rows stay) */
				add_late(c, SCAN_DATE_OF_BIRTH, j, we, 0.75);
			}
			continue;
		}
		/* "haar 95e verjaardag", "zijn 80ste verjaardag" */
		{
			size_t q = e;
			bool plural = false;
			while (q < c->len && is_letter_byte(c->t, q, c->len) && q - e < 3)
				q++;
			char o[4] = {0};
			if (q > e && q - e < sizeof o)
				memcpy(o, c->t + e, q - e);
			if ((strcmp(o, "e") == 0 || strcmp(o, "ste") == 0 || strcmp(o, "de") == 0) && nd <= 3 &&
			    (q >= c->len || !is_letter_byte(c->t, q, c->len)) && ordinal_age(c, j, q, &plural) &&
			    (!plural || ordinal_person(c, n, j))) {
				add_age(c, w27, j, q, 0.7);
				continue;
			}
			if ((strcmp(o, "e") == 0 || strcmp(o, "ste") == 0 || strcmp(o, "de") == 0 || strcmp(o, "th") == 0) &&
			    word_after(c, q, w2, sizeof w2, &we) &&
			    (strcmp(w2, "verjaardag") == 0 || strcmp(w2, "birthday") == 0 || strcmp(w2, "levensjaar") == 0)) {
				if (age_person_near(c, n, j))
					add_age(c, w27, j, we, 0.7);
				continue;
			}
		}
		{
			size_t fe = figurative_age(c, n, j, e);
			if (fe) {
				add_age(c, w27, j, fe, 0.7);
				continue;
			}
		}
		/* "vrouw van 45", "mijn moeder van 86 krijgt sondevoeding", "ons meisje
		 * fleur van 9 wordt gepest": a person word (or a name), "van", the age.
		 * Not a count ("moeder van 3 kinderen"), a measure ("man van 80 kilo")
		 * or a time ("de vrouw van 10 uur"): after the number only punctuation,
		 * "jaar"/"jr", "en", or the person's verb ("is", a word ending in -t/-d). */
		{
			char vw[12], pw[32], nx[32];
			size_t vs, ps, we2;
			/* groups of an age are no one: "kinderen van 6 tot 12 jaar" */
			static const char *const groups[] = {"kinderen", "kids", "jongeren", "ouderen", "mensen",
				"volwassenen", "leerlingen", "deelnemers", "bewoners", "cliënten", "patiënten", "ouders", NULL};
			/* wave 25 (batch 110): "een man van ongeveer 40", "van bijna 9" */
			bool vb = word_before(c, j, vw, sizeof vw, &vs);
			if (vb && in_list(vw, approx_words) && strcmp(vw, "al") != 0)
				vb = word_before(c, vs, vw, sizeof vw, &vs);
			if (vb && strcmp(vw, "van") == 0 &&
			    word_before(c, vs, pw, sizeof pw, &ps) && !in_list(pw, groups) &&
			    (word_in_set(pw, &age_after_set) || family_word(pw) || name_ends_before(c, n, vs) ||
			     (word_before(c, ps, w, sizeof w, NULL) && (word_in_set(w, &age_after_set) || family_word(w))))) {
				size_t k = word_after(c, e, nx, sizeof nx, &we2), end2 = e;
				bool ok = !k;
				if (k && (strcmp(nx, "jaar") == 0 || strcmp(nx, "jr") == 0)) {
					ok = true;
					end2 = we2;
				} else if (k && (baby_unit(nx) || (newborn_unit(nx) && (w27 = true)))) { /* "mijn Loïs van 8 weken spuugt" */
					ok = baby_age_alone(c, we2, &end2);
				} else if (k && !in_list(pw, (const char *const[]){"moeder", "vader", "oma", "opa", "ouders",
				                                                     "mama", "papa", NULL}) &&
				           in_list(nx, (const char *const[]){"die", "in", "uit", "met", "op", "bij", "zonder",
				                                             "waar", NULL}) &&
				           word_in_set(pw, &age_after_set)) {
					/* wave 24 (batch 104): "een man van 63 die ik begeleid", "een
					 * jongen van 17 in ons beschermd wonen" (not a parent: "moeder
					 * van 3 die ..." counts children) */
					ok = true;
				} else if (k && !word_in_set(nx, &age_not_set) && strcmp(nx, "tot") != 0 &&
				           in_list(pw, (const char *const[]){"dochter", "zoon", "dochtertje", "zoontje", "kleinzoon",
				                                             "kleindochter", "neefje", "nichtje", "broertje",
				                                             "zusje", "pleegzoon", "pleegdochter", NULL})) {
					/* wave 25 (batch 107): a child of the family's, whatever
					 * follows ("mijn dochter van 11 over 'dik' te praten") */
					ok = true;
				} else if (k && !word_in_set(nx, &age_not_set) && strcmp(nx, "tot") != 0) {
					ok = strcmp(nx, "en") == 0 || strcmp(nx, "is") == 0 || strcmp(nx, "was") == 0 ||
					     nx[k - 1] == 't' || nx[k - 1] == 'd' ||
					     /* wave 24 (batch 102): "meisje van 8 wilde per se roze gips" */
					     in_list(nx, (const char *const[]){"wilde", "wilden", "mocht", "moest", "kon", "kreeg",
					                                       "zat", "lag", "kwam", "ging", "viel", "zei", "liep",
					                                       "huilde", "lachte", "speelde", "heeft", "had", "wil",
					                                       "mag", "kan", "moet", "zit", "ligt",
					                                       /* wave 25 (batch 107): "Een man van 67 vroeg me" */
					                                       "vroeg", "vertelde", "belde", "stond", "werd",
					                                       /* "kwam een man van ongeveer 40 binnen" */
					                                       "binnen", "langs", "terug", NULL});
				}
				if (ok) {
					add_age(c, w27, j, end2, 0.7);
					continue;
				}
			}
		}
		/* wave 25 (batch 108): how old someone was when ("toen hij 2 was",
		 * "Hij was 15 toen hij hier alleen kwam") */
		{
			static const char *const subj[] = {"hij", "zij", "ze", "ik", "ie", NULL};
			char b1[8], b2[8], a1[8];
			size_t s1, s2;
			bool when = false;
			if (nd <= 3 && word_before(c, j, b1, sizeof b1, &s1) && word_before(c, s1, b2, sizeof b2, &s2)) {
				if (!strcmp(b2, "toen") && in_list(b1, subj) && word_after(c, e, a1, sizeof a1, NULL))
					when = !strcmp(a1, "was") || !strcmp(a1, "werd") || !strcmp(a1, "jaar");
				else if ((!strcmp(b1, "was") || !strcmp(b1, "werd")) && in_list(b2, subj) &&
				         word_after(c, e, a1, sizeof a1, NULL))
					when = !strcmp(a1, "toen");
			}
			if (when) {
				add_age(c, w27, j, e, 0.7);
				continue;
			}
		}
		/* wave 13: "een jaar of 15" with a person */
		{
			size_t s3 = jaar_of_before(c, j);
			if (s3 != SIZE_MAX && age_person_near(c, n, j)) {
				add_age(c, w27, s3, e, 0.7);
				continue;
			}
		}
		/* wave 13: "die zaterdag 80 wordt.", "die op 12 april 100 werd!" */
		{
			size_t wv;
			char a1[16];
			if (word_after(c, e, w2, sizeof w2, &wv) && (strcmp(w2, "wordt") == 0 || strcmp(w2, "werd") == 0)) {
				size_t q = wv;
				while (q < c->len && c->t[q] == ' ')
					q++;
				bool tail = q >= c->len || strchr(".!,?;)\n", c->t[q]);
				bool lead = word_before(c, j, a1, sizeof a1, NULL) &&
				            !(strcmp(a1, "om") == 0 || strcmp(a1, "tot") == 0 || strcmp(a1, "na") == 0 ||
				              strcmp(a1, "voor") == 0 || strcmp(a1, "van") == 0 || strcmp(a1, "fase") == 0);
				if (tail && lead && age_person_near(c, n, j)) {
					add_age(c, w27, j, wv, 0.7);
					continue;
				}
				/* wave 25 (batch 111): "bij een man die 100 werd op de dag dat
				 * hij stierf": "die" right after a person word, whatever follows */
				char d0[8], d1[24];
				size_t ds, d1s;
				bool who = false;
				if (word_before(c, j, d0, sizeof d0, &ds) && !strcmp(d0, "die"))
					for (int hop = 0; hop < 3 && !who && word_before(c, ds, d1, sizeof d1, &d1s); hop++, ds = d1s)
						who = family_word(d1) || word_in_set(d1, &age_after_set);
				if (who) {
					add_age(c, w27, j, wv, 0.7);
					continue;
				}
			}
		}
		size_t end = e;
		bool jaar = false;
		if (word_after(c, e, w2, sizeof w2, &we)) {
			if (strcmp(w2, "jaar") == 0 || strcmp(w2, "jr") == 0 || strcmp(w2, "j") == 0 ||
			    /* wave 24 (batch 106): Twents and Limburgish "78 joar", "88 jaor" */
			    strcmp(w2, "joar") == 0 || strcmp(w2, "jaor") == 0 || strcmp(w2, "joor") == 0 ||
			    strcmp(w2, "years") == 0 || strcmp(w2, "mnd") == 0) {
				char w3[32];
				size_t we3;
				size_t k3 = word_after(c, we, w3, sizeof w3, &we3);
				if (k3 && word_in_set(w3, &age_not_set))
					continue;
				/* round 4 (batch 105): "al 25 jaar de vaste kerstman", "al 12
				 * jaar in dienst": how long, not how old */
				{
					char a0[8];
					if (k3 && word_before(c, j, a0, sizeof a0, NULL) && !strcmp(a0, "al") &&
					    in_list(w3, (const char *const[]){"de", "het", "een", "in", "bij", "lid", "werkzaam",
					                                      "actief", "getrouwd", "samen", "vrijwilliger",
					                                      "vrijwilligster", "onze", "ons", "trouw", "mee", NULL}))
						continue;
				}
				jaar = true;
				end = we;
				/* after batch 31: "is zondag overleden, 78 jaar geworden" */
				if (k3 && (strcmp(w3, "oud") == 0 || strcmp(w3, "old") == 0 || became(w3)))
					end = we3;
			} else if (became(w2)) { /* Frisian "is 88 wurden", Limburgish "gewore" */
				end = we;
				jaar = true;
			} else if (baby_unit(w2) || (newborn_unit(w2) && (w27 = true))) { /* "Bobbie is 14 maanden en loopt nog niet" */
				if (!baby_age_alone(c, we, &end))
					continue;
				jaar = true;
			} else if ((word_in_set(w2, &age_not_set) || strcmp(w2, "op") != 0) && strcmp(w2, "en") != 0 &&
			           strcmp(w2, "and") != 0) {
				/* only "wordt 87 op 3-4" or punctuation may follow a bare number */
				if (!(strcmp(w2, "op") == 0))
					goto bare_checked;
			}
		}
		/* "Ilse (34)", "Dhr. Pinas (78 jr)", "Lieke, 19 jaar oud" */
		{
			size_t p = j;
			while (p > 0 && c->t[p - 1] == ' ')
				p--;
			/* wave 13: "Lieke (bijna 5)", "opa (ruim 90)" */
			{
				char aw[12];
				size_t as;
				if (word_before(c, j, aw, sizeof aw, &as) && in_list(aw, approx_words)) {
					size_t p2 = as;
					while (p2 > 0 && c->t[p2 - 1] == ' ')
						p2--;
					if (p2 > 0 && c->t[p2 - 1] == '(')
						p = p2;
					/* wave 27 (batch 116): "man, ca. 60 jr, gevonden bij ..." */
					else if (p2 > 0 && c->t[p2 - 1] == ',' && strcmp(aw, "al") != 0 && strcmp(aw, "pas") != 0) {
						p = p2;
						w27 = true;
					}
				}
			}
			/* "Ahmad (16, amv)": the age first in the brackets (wave 11) */
			/* after batch 30: "Wim van hiernaast (93!)" */
			/* ("(bijna 13!!)" too) */
			size_t bq = end;
			while (bq < c->len && bq < end + 4 && c->t[bq] == '!')
				bq++;
			bool bang = bq > end && bq < c->len && c->t[bq] == ')';
			bool paren = p > 0 && c->t[p - 1] == '(' && end < c->len &&
			             (c->t[end] == ')' || bang ||
			              (c->t[end] == ',' && !digit_at(c, end + 1) && !digit_at(c, end + 2)));
			/* after batch 30: "ik (Anja, 45) zoek iemand": the age closing a bracket */
			bool comma = p > 0 && c->t[p - 1] == ',' &&
			             (jaar || bang || (end < c->len && (c->t[end] == ',' || c->t[end] == ')')));
			/* "Mijn vader, 91 en nog helder" */
			if (!comma && p > 0 && c->t[p - 1] == ',' && word_after(c, end, w2, sizeof w2, NULL) &&
			    (strcmp(w2, "en") == 0 || strcmp(w2, "and") == 0)) {
				char fw[24];
				/* wave 25 (batch 108): after a name too, "speelt Mehmet, 44 en
				 * al 20 jaar keeper" */
				comma = (word_before(c, p - 1, fw, sizeof fw, NULL) && family_word(fw)) ||
				        (nd <= 3 && name_ends_before(c, n, p - 1));
				if (comma) {
					add_age(c, w27, j, end, 0.7);
					continue;
				}
			}
			/* "Onze moeder (88) ligt ...", "die jongen (19)", "man, 67 jr,";
			 * wave 13: the writer's own, "Ik (34) ben net afgekeurd" */
			if (paren || comma) {
				char fw[24];
				size_t fs;
				if (word_before(c, p - 1, fw, sizeof fw, &fs) &&
				    (family_word(fw) || word_in_set(fw, &age_after_set) || (paren && !strcmp(fw, "ik")) ||
				     /* after batch 33: "ik (m, 33) heb ...", "(v, 41)" */
				     (comma && (!strcmp(fw, "m") || !strcmp(fw, "v") || !strcmp(fw, "f")) && fs > 0 &&
				      c->t[fs - 1] == '('))) {
					add_age(c, w27, j, end, 0.7);
					continue;
				}
			}
			if ((paren || comma) && name_ends_before(c, n, p - 1 + 1)) {
				add_age(c, w27, j, end, 0.75);
				continue;
			}
			/* wave 27 (batch 116): "Ze heet Marie Claessens, 88.": the age
			 * closing the sentence right after a name */
			if (!comma && p > 0 && c->t[p - 1] == ',' && nd <= 3 && v >= 2 &&
			    (end >= c->len || c->t[end] == '.' || c->t[end] == '!' || c->t[end] == '\n') &&
			    name_ends_before(c, n, p)) {
				add_late(c, SCAN_DATE_OF_BIRTH, j, end, 0.7);
				continue;
			}
			/* after batch 45: "Ik ben Kofi, 42, en ik hoor stemmen": the writer
			 * names themselves, then the age between commas; wave 24 (batch
			 * 102) the age closing the sentence too, "Ik ben Karim, 29.", and
			 * "<name> hier" ("Bram hier, 52.") */
			if (p > 0 && c->t[p - 1] == ',') {
				bool closes = nd <= 2 && (end >= c->len || strchr(".!;\n", c->t[end]));
				bool commas = comma && end < c->len && c->t[end] == ',';
				char nw[24], bw[8], iw[8];
				size_t ns, bs;
				bool intro = false;
				if ((closes || commas) && word_before(c, p - 1, nw, sizeof nw, &ns)) {
					/* wave 25 (batch 107): between commas too, and a name the
					 * lists lack opening the text ("Aditi hier, 29, net ...") */
					if (!strcmp(nw, "hier"))
						intro = name_ends_before(c, n, ns) ||
						        (c->ntok > 1 && c->tok[1].s == ns && c->tok[0].cap && !c->tok[0].acronym &&
						         !(c->tok[0].flags & (W_LEX | W_NONAME | W_ORG | W_ROLE | W_TITLE | W_FAMILY)));
					else if (word_before(c, ns, bw, sizeof bw, &bs) && !strcmp(bw, "ben") &&
					         word_before(c, bs, iw, sizeof iw, NULL) && !strcmp(iw, "ik"))
						intro = c->t[ns] >= 'A' && c->t[ns] <= 'Z' && name_starts_at(c, n, ns);
				}
				if (intro) {
					add_age(c, w27, j, end, 0.7);
					continue;
				}
			}
			/* after batch 48: "heej ik ben shanice, 13 en ik durf niet ...",
			 * "ik ben mo, 22.": the same in lower case, before a full stop, "en"
			 * or "jaar" too (the name is added after the health model,
			 * scan_self_names) */
			if (p > 0 && c->t[p - 1] == ',' && self_intro_name(c, p - 1) < c->ntok) {
				char aw[8];
				size_t q = end;
				while (q < c->len && c->t[q] == ' ')
					q++;
				if (q >= c->len || strchr(",.!?;)\n", c->t[q]) ||
				    (word_after(c, end, aw, sizeof aw, NULL) && (!strcmp(aw, "en") || !strcmp(aw, "jaar")))) {
					add_late(c, SCAN_DATE_OF_BIRTH, j, end, 0.7);
					continue;
				}
			}
			/* after batch 46: "Bram (6) mocht vandaag naar huis": a capitalised
			 * first name that is also a word (bram, roos, mees) right before the
			 * bracket is a person, the age says so (the name is added after the
			 * health model, scan_bracket_names) */
			if (paren && bracket_name(c, p - 1) < c->ntok) {
				add_age(c, w27, j, end, 0.75);
				continue;
			}
			if (paren && bracket_person_word(c, n, p - 1)) {
				add_age(c, w27, j, end, 0.7);
				continue;
			}
			/* after batch 30: "Wim van hiernaast (93!)", "Truus van de overkant (88)":
			 * a name, up to three lower-case words, the bracket */
			if (paren && name_words_before(c, n, p - 1)) {
				add_age(c, w27, j, end, 0.7);
				continue;
			}
			/* wave 13: a handover's list, "dhr. Lubbers ingekomen, 87 jaar, Alzheimer";
			 * after batch 30 "Hij is gisteren overleden, 96 jaar oud." (he or she
			 * is enough when "oud" says it is an age) */
			if (comma && jaar && end < c->len && strchr(",.;!", c->t[end]) &&
			    (age_person_near(c, n, j) || (end >= 3 && !memcmp(c->t + end - 3, "oud", 3) && pronoun_subject(c, j)))) {
				add_age(c, w27, j, end, 0.7);
				continue;
			}
			/* wave 24 (batch 102): "wie heeft Frits Landman gezien? 79 jaar,
			 * dementie, ...": the age opening a list right after a sentence
			 * that names a person */
			if (jaar && sentence_opens_at(c, j) && end < c->len && c->t[end] == ',') {
				size_t s = sentence_of(c, j);
				bool named = false;
				for (size_t k = 0; k < n && s > 0 && !named; k++)
					named = c->out->v[k].type == SCAN_NAME && c->out->v[k].confidence >= SCAN_COUNT_CONF &&
					        sentence_of(c, c->out->v[k].start) == s - 1;
				if (named) {
					add_age(c, w27, j, end, 0.7);
					continue;
				}
			}
			/* after batch 41: "... is vannacht overleden. 94 jaar werd hij." the
			 * age opening a sentence whose subject, after the verb, is he or she */
			if (jaar && sentence_opens_at(c, j)) {
				char v1[8], v2[8];
				size_t ve;
				if (word_after(c, end, v1, sizeof v1, &ve) &&
				    (!strcmp(v1, "werd") || !strcmp(v1, "wordt") || !strcmp(v1, "is") || !strcmp(v1, "was")) &&
				    word_after(c, ve, v2, sizeof v2, NULL) &&
				    (!strcmp(v2, "hij") || !strcmp(v2, "zij") || !strcmp(v2, "ze"))) {
					add_age(c, w27, j, end, 0.7);
					continue;
				}
				/* after batch 44: "... het verjaardagsfeestje van mijn moeder. 95
				 * jaar en ze heeft alle kaarsjes zelf uitgeblazen" (not "10 jaar
				 * en hij is nooit ziek geweest" without a person before it) */
				size_t s = sentence_of(c, j);
				if (word_after(c, end, v1, sizeof v1, &ve) && !strcmp(v1, "en") &&
				    word_after(c, ve, v2, sizeof v2, NULL) &&
				    (!strcmp(v2, "hij") || !strcmp(v2, "zij") || !strcmp(v2, "ze")) && s > 0 &&
				    age_person_near(c, n, c->sent_at[s - 1])) {
					add_age(c, w27, j, end, 0.7);
					continue;
				}
			}
			/* after batch 30: "Ruben Kok is vorige week overleden. 38 jaar." an age
			 * as a sentence of its own after one about a person */
			if (jaar && end < c->len && strchr(".!", c->t[end]) && sentence_opens_at(c, j)) {
				size_t s = sentence_of(c, j);
				if (s > 0 && age_person_near(c, n, c->sent_at[s - 1]) &&
				    (end + 1 >= c->len || c->t[end + 1] == ' ' || c->t[end + 1] == '\n')) {
					add_age(c, w27, j, end, 0.7);
					continue;
				}
			}
		}
	bare_checked:
		/* "mijn dochter nina 15 eet niet meer", "onze zoon jesse 19 jaar
		 * geworden": the age right after the name, then a unit or the
		 * person's verb */
		if (name_ends_before(c, n, j) && !(j > 0 && (c->t[j - 1] == '(' || c->t[j - 1] == ','))) {
			size_t wl = word_after(c, e, w2, sizeof w2, NULL);
			if (jaar || (wl && !word_in_set(w2, &age_not_set) && (w2[wl - 1] == 't' || w2[wl - 1] == 'd') &&
			             strcmp(w2, "het") != 0 && strcmp(w2, "dat") != 0 && strcmp(w2, "uit") != 0)) {
				add_age(c, w27, j, end, 0.7);
				continue;
			}
			/* after batch 49: "Gisteren werd Chantal 40!", "Morgen wordt Sem 6
			 * en ...": the verb before the name, the sentence's end or "en"
			 * after the age */
			size_t q = end, nb = name_before(c, n, j);
			while (q < c->len && c->t[q] == ' ')
				q++;
			if (nb < n && (q >= c->len || strchr(".!,?;\n", c->t[q]) || (wl && !strcmp(w2, "en"))) &&
			    word_before(c, c->out->v[nb].start, w, sizeof w, NULL) &&
			    (!strcmp(w, "werd") || !strcmp(w, "wordt"))) {
				add_late(c, SCAN_DATE_OF_BIRTH, j, end, 0.7);
				continue;
			}
		}
		/* "Noor is 14 jaar", "wordt 87 op 3-4", "is vandaag 95 geworden", "ik ben 16" */
		{
			size_t ws, s0 = j;
			size_t wn = word_before(c, j, w, sizeof w, &ws);
			/* wave 27 (batch 116): "We zijn allebei pas 39": a couple's age */
			bool pair = false;
			for (int hop = 0; wn && hop < 3 && (in_list(w, age_advs) || !strcmp(w, "allebei") || !strcmp(w, "beiden"));
			     hop++) {
				pair |= !strcmp(w, "allebei") || !strcmp(w, "beiden");
				wn = word_before(c, ws, w, sizeof w, &ws);
			}
			/* after batch 33: "ik ben damian 17 jaar": the writer's name between;
			 * wave 24 (batch 106) "Ik ben Truus en al 91 jaar" */
			if (wn && jaar && !in_list(w, age_verbs)) {
				char b1[8], b2[8], b0[24];
				size_t s1, s0w = ws;
				if (!strcmp(w, "en")) /* (the name before "en", then "ben"; s0w kept when there is none) */
					word_before(c, ws, b0, sizeof b0, &s0w);
				if (word_before(c, s0w, b1, sizeof b1, &s1) && !strcmp(b1, "ben") &&
				    word_before(c, s1, b2, sizeof b2, NULL) && !strcmp(b2, "ik")) {
					add_age(c, w27, j, end, 0.7);
					continue;
				}
			}
			/* wave 25 (batch 110): "yo ik ben dani 15 uit almere": the writer's
			 * name the lists lack, then the bare age before "uit", "en" or a stop */
			if (wn && !jaar && nd <= 2 && !in_list(w, age_verbs) && !in_list(w, age_advs)) {
				size_t nt = tok_first_at(c, ws);
				char b1[8], b2[8], a1[8];
				size_t s1;
				size_t q = e;
				while (q < c->len && c->t[q] == ' ')
					q++;
				bool tail = q >= c->len || strchr(",.!?;\n", c->t[q]) ||
				            (word_after(c, e, a1, sizeof a1, NULL) && (!strcmp(a1, "uit") || !strcmp(a1, "en")));
				if (tail && nt < c->ntok && c->tok[nt].s == ws && !c->tok[nt].cap &&
				    (!(c->tok[nt].flags & W_LEX) || (c->tok[nt].flags & W_FIRST)) &&
				    !(c->tok[nt].flags & (W_ROLE | W_MED | W_TITLE | W_FAMILY | W_NONAME | W_ORG)) &&
				    word_before(c, ws, b1, sizeof b1, &s1) && !strcmp(b1, "ben") &&
				    word_before(c, s1, b2, sizeof b2, NULL) && !strcmp(b2, "ik")) {
					add_late(c, SCAN_DATE_OF_BIRTH, j, e, 0.7);
					continue;
				}
			}
			/* after batch 52: "Hannie wordt op 14 maart 75!": the day between */
			bool late = false;
			if (wn && in_list(w, months_nl)) {
				char ow[4];
				size_t ds = ws, os;
				while (ds > 0 && c->t[ds - 1] == ' ')
					ds--;
				size_t de = ds;
				while (ds > 0 && digit_at(c, ds - 1) && de - ds < 2)
					ds--;
				if (ds < de && !digit_at(c, ds - 1) && word_before(c, ds, ow, sizeof ow, &os) && !strcmp(ow, "op")) {
					wn = word_before(c, os, w, sizeof w, &ws);
					late = true;
				}
			}
			/* after batch 52: "Vandaag werd ik 40": the writer's own, "ik" after the verb */
			bool self = false;
			if (wn && !strcmp(w, "ik")) {
				char vw[8];
				size_t vs;
				if (word_before(c, ws, vw, sizeof vw, &vs) &&
				    (!strcmp(vw, "werd") || !strcmp(vw, "word") || !strcmp(vw, "ben") || !strcmp(vw, "was"))) {
					memcpy(w, vw, sizeof vw);
					ws = vs;
					self = late = true;
				}
			}
			if (!wn || !in_list(w, age_verbs))
				continue;
			/* "zijn HbA1c was 74", "bloeddruk is 90": a measurement, not an age */
			{
				char mw[32];
				size_t ml = word_before(c, ws, mw, sizeof mw, NULL);
				if (ml && (lookup(mw, ml) & W_MED))
					continue;
			}
			bool ok = jaar;
			if (!ok) {
				/* a bare number: punctuation or "op <date>" after it */
				size_t q = e, wl;
				while (q < c->len && c->t[q] == ' ')
					q++;
				if (q >= c->len || c->t[q] == '.' || c->t[q] == '!' || c->t[q] == ',' || c->t[q] == '?' ||
				    c->t[q] == ')' || c->t[q] == '\n' || c->t[q] == ';')
					ok = true;
				/* wave 29 (batch 121): an emoji ends it too ("Oom Harm is
				 * vandaag 91 🎂"); added after the models (their rows stay) */
				else if (emoji_at(c, q))
					ok = late = true;
				/* "Jasper wordt 18 en moet ...", "Eileen is 82 and lives ..." */
				else if (word_after(c, e, w2, sizeof w2, NULL) &&
				         (strcmp(w2, "en") == 0 || strcmp(w2, "and") == 0 || strcmp(w2, "maar") == 0 ||
				          /* after batch 30: "ik ben 58 ik woon in Zeeland" */
				          strcmp(w2, "ik") == 0 ||
				          /* wave 25 (batch 107): "ik ben 18 dus mn ouders ..." */
				          strcmp(w2, "dus") == 0 || strcmp(w2, "want") == 0 ||
				          /* (batch 108) "ik ben 11 trouwens" */
				          strcmp(w2, "trouwens") == 0 || strcmp(w2, "hoor") == 0 ||
				          /* wave 27 (batch 116): "Ik ben 11 haha" */
				          ((strcmp(w2, "haha") == 0 || strcmp(w2, "hahaha") == 0 || strcmp(w2, "lol") == 0) && (w27 = true))))
					ok = true;
				/* wave 14: "dochterlief wordt 18 volgende week", "ze werd 90 zaterdag" */
				else if ((strcmp(w, "wordt") == 0 || strcmp(w, "werd") == 0 || strcmp(w, "word") == 0) &&
				         word_after(c, e, w2, sizeof w2, NULL) && in_list(w2, age_when))
					ok = true;
				/* "ze is 91 valt elke week": no punctuation, the next verb (-t/-d) */
				else if ((wl = word_after(c, e, w2, sizeof w2, NULL)) && !word_in_set(w2, &age_not_set) &&
				         (w2[wl - 1] == 't' || w2[wl - 1] == 'd') && strcmp(w2, "het") != 0 && strcmp(w2, "dat") != 0)
					ok = true;
				else if (word_after(c, e, w2, sizeof w2, &we) && strcmp(w2, "op") == 0) {
					q = we;
					while (q < c->len && c->t[q] == ' ')
						q++;
					if (digit_at(c, q)) {
						ok = true;
						while (q < c->len && (digit_at(c, q) || c->t[q] == '-' || c->t[q] == '/'))
							q++;
						end = q;
					}
				}
			}
			/* "Ze is 89, dus …": a pronoun as the subject goes on about the person before */
			bool pron = false;
			/* after batch 39: "Ben 67, net gestopt met werken": the writer */
			if (ok && strcmp(w, "ben") == 0 && tok_first_at(c, ws) < c->ntok && c->tok[tok_first_at(c, ws)].s == ws &&
			    ikless_start(c, tok_first_at(c, ws)))
				pron = true;
			if (ok && !jaar) {
				char pw[8];
				size_t pl = word_before(c, ws, pw, sizeof pw, NULL);
				pron = pl && (strcmp(pw, "ze") == 0 || strcmp(pw, "zij") == 0 || strcmp(pw, "hij") == 0 ||
				              (pair && (!strcmp(pw, "we") || !strcmp(pw, "wij")) && (w27 = true)));
			}
			/* after batch 57: "Hij is 59 jaar geworden.", "Ze is maar 54
			 * geworden." (the age a person reached, said of he or she) */
			bool reached = false;
			if (ok && jaar && !pron) {
				char pw[8], bw[12];
				size_t pl = word_before(c, ws, pw, sizeof pw, NULL);
				reached = pl && (!strcmp(pw, "ze") || !strcmp(pw, "zij") || !strcmp(pw, "hij")) &&
				          word_before(c, end, bw, sizeof bw, NULL) && became(bw);
			}
			/* after batch 44: "Onze kleine meid is vandaag 7 geworden": a person's
			 * word as the subject */
			if (ok && !pron) {
				char sw[24];
				pron = word_before(c, ws, sw, sizeof sw, NULL) && word_in_set(sw, &age_after_set);
			}
			if (ok && (self || pron || age_person_near(c, n, j) || age_subject_name(c, ws))) {
				if (late)
					add_late(c, SCAN_DATE_OF_BIRTH, s0, end, 0.7);
				else
					add_age(c, w27, s0, end, 0.7);
			} else if (reached) {
				add_late(c, SCAN_DATE_OF_BIRTH, s0, end, 0.7);
			}
		}
	}
}

/*
 * E-mail written to fool harvesters: "jan punt jansen at gmail punt com",
 * "a.kramer [at] hotmail [dot] com", "petra(at)ziggo(punt)nl".
 */
static bool obf_word(const struct ctx *c, size_t p, const char *w, size_t *after)
{
	size_t m = strlen(w);
	if (p + m > c->len || strncasecmp(c->t + p, w, m) != 0 || (p + m < c->len && is_letter_byte(c->t, p + m, c->len)))
		return false;
	*after = p + m;
	return true;
}

/* A written dot at p ('.', " punt ", " dot ", "[dot]", "(punt)"): the position after it, or 0. */
static size_t obf_dot(const struct ctx *c, size_t p, bool *spelled)
{
	size_t q = p, a;
	while (q < c->len && c->t[q] == ' ')
		q++;
	if (q < c->len && c->t[q] == '.' && q == p) {
		q++;
	} else if (q < c->len && c->t[q] == '.' && q + 1 < c->len && c->t[q + 1] == ' ') {
		q++; /* "gmail . com": a dot set apart is written to fool harvesters too */
		*spelled = true;
	} else if (q < c->len && (c->t[q] == '[' || c->t[q] == '(' || c->t[q] == '{')) {
		if (!(obf_word(c, q + 1, "dot", &a) || obf_word(c, q + 1, "punt", &a)) || a >= c->len ||
		    (c->t[a] != ']' && c->t[a] != ')' && c->t[a] != '}'))
			return 0;
		q = a + 1;
		*spelled = true;
	} else if (q > p && (obf_word(c, q, "punt", &a) || obf_word(c, q, "dot", &a))) {
		q = a;
		*spelled = true;
	} else {
		return 0;
	}
	while (q < c->len && c->t[q] == ' ')
		q++;
	return q;
}

static size_t obf_label(const struct ctx *c, size_t p)
{
	size_t q = p;
	while (q < c->len && (ascii_alnum(c->t[q]) || c->t[q] == '-' || c->t[q] == '_'))
		q++;
	return q - p;
}

/* One written e-mail address around the "at" written from ms to me (the
 * word, or a lone '@' set apart by spaces); strong: written so that it must
 * be an address ("AT", "[at]", "apenstaartje", " @ "). */
static void obf_email_at(struct ctx *c, size_t ms, size_t me, bool strong)
{
	static const char *const tlds[] = {"nl", "com", "be", "org", "net", "eu", "de", "info", "fr",
		"uk", "io", "nu", "biz", NULL};
	bool bracket = ms > 0 && strchr("[({", c->t[ms - 1]) && me < c->len && strchr("])}", c->t[me]);
	size_t ls = bracket ? ms - 1 : ms, p = bracket ? me + 1 : me;
	/* the local part before: "a.kramer", "kees_vd_berg", "jan punt jansen" */
	while (ls > 0 && c->t[ls - 1] == ' ')
		ls--;
	size_t le = ls;
	while (ls > 0 && (ascii_alnum(c->t[ls - 1]) || strchr("._-", c->t[ls - 1])))
		ls--;
	if (ls == le || (ls > 0 && is_letter_byte(c->t, ls - 1, c->len)))
		return;
	bool spelled = false;
	for (int hop = 0; hop < 3; hop++) {
		char w[8];
		size_t ws, ws2;
		size_t wn = word_before(c, ls, w, sizeof w, &ws);
		if (!wn || !(strcmp(w, "punt") == 0 || strcmp(w, "dot") == 0))
			break;
		size_t q = ws;
		while (q > 0 && c->t[q - 1] == ' ')
			q--;
		ws2 = q;
		while (ws2 > 0 && (ascii_alnum(c->t[ws2 - 1]) || c->t[ws2 - 1] == '_'))
			ws2--;
		if (ws2 == q)
			break;
		ls = ws2;
		spelled = true;
	}
	/* the domain after: labels joined by written dots, ending in a known TLD */
	while (p < c->len && c->t[p] == ' ')
		p++;
	size_t dl = obf_label(c, p), end = 0;
	/* the first label and a dot, for personal_domain ("ziggo."), which
	 * wants one byte more than the name it matches */
	char dom[24];
	size_t dn = dl < sizeof dom - 2 ? dl : 0;
	memcpy(dom, c->t + p, dn);
	dom[dn] = '.';
	dom[dn + 1] = '\0';
	int dots = 0;
	while (dl) {
		size_t lab = p;
		p += dl;
		char low[8];
		if (dots && dl < sizeof low) {
			memcpy(low, c->lt + lab, dl);
			low[dl] = '\0';
			if (in_list(low, tlds))
				end = p;
		}
		size_t q = obf_dot(c, p, &spelled);
		if (!q || dots > 4)
			break;
		dots++;
		p = q;
		dl = obf_label(c, p);
	}
	if (!end || !(bracket || strong || spelled))
		return;
	/* the local part as written plain: "jan punt jansen" is "jan.jansen" */
	char low[24];
	size_t ln = 0, p2 = ls;
	while (p2 < le && ln < sizeof low - 1) {
		if (c->t[p2] == ' ') {
			while (p2 < le && c->t[p2] == ' ')
				p2++;
			/* (the spelled dot: "punt", or "dot" before a space) */
			if (p2 + 4 <= le && !memcmp(c->lt + p2, "punt", 4))
				p2 += 4;
			else if (p2 + 4 <= le && !memcmp(c->lt + p2, "dot ", 4))
				p2 += 3;
			while (p2 < le && c->t[p2] == ' ')
				p2++;
			low[ln++] = '.';
			continue;
		}
		low[ln++] = c->lt[p2++];
	}
	low[ln] = '\0';
	/* (wave 26, batch 112: "wondzorg(at)thuiszorgnoord.nl", a body's) */
	bool role = role_mailbox(c, low, ln, p2 < le, ls, dn && personal_domain(dom, dn + 2));
	add_finding(c, SCAN_EMAIL, ls, end, role ? 0.4 : 0.85);
}

static void scan_obf_emails(struct ctx *c)
{
	for (size_t i = 1; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		size_t n = k->e - k->s;
		if (!((n == 2 && (c->t[k->s] | 0x20) == 'a' && (c->t[k->s + 1] | 0x20) == 't') ||
		      (n == 12 && memcmp(c->lt + k->s, "apenstaartje", 12) == 0) ||
		      (n == 11 && memcmp(c->lt + k->s, "apestaartje", 11) == 0)))
			continue;
		bool upper = c->t[k->s] == 'A' && n == 2 && c->t[k->s + 1] == 'T';
		obf_email_at(c, k->s, k->e, upper || n >= 11);
	}
	/* "s.bakir @ gmail . com": the sign itself, set apart by spaces */
	for (const char *at = memchr(c->t, '@', c->len); at; at = memchr(at + 1, '@', c->len - (size_t)(at + 1 - c->t))) {
		size_t a = (size_t)(at - c->t);
		if (a > 0 && a + 1 < c->len && c->t[a - 1] == ' ' && c->t[a + 1] == ' ')
			obf_email_at(c, a, a + 1, true);
	}
}

/* --- phone numbers in words: "nul zes, tweeëntachtig, vierendertig, ..." */

/* The value 0..99 of a Dutch number word, or -1. */
/* w[0..n) holds no NUL (a run of token bytes), so comparing by length and
 * memcmp gives what strcmp on the terminated copy gave, without the calls. */
static bool lit_eq(const char *w, size_t n, const struct lit *l)
{
	return n == l->n && w[0] == l->s[0] && memcmp(w, l->s, n) == 0;
}

static int number_word_words(const char *w, size_t n)
{
	static const struct lit units[] = {LIT("nul"), LIT("een"), LIT("twee"), LIT("drie"), LIT("vier"),
		LIT("vijf"), LIT("zes"), LIT("zeven"), LIT("acht"), LIT("negen")};
	static const struct lit teens[] = {LIT("tien"), LIT("elf"), LIT("twaalf"), LIT("dertien"),
		LIT("veertien"), LIT("vijftien"), LIT("zestien"), LIT("zeventien"), LIT("achttien"),
		LIT("negentien")};
	static const struct lit tens[] = {LIT("twintig"), LIT("dertig"), LIT("veertig"), LIT("vijftig"),
		LIT("zestig"), LIT("zeventig"), LIT("tachtig"), LIT("negentig")};
	static const struct lit een1 = LIT("één"), een2 = LIT("eén");
	char low[40];
	if (n >= sizeof low)
		return -1;
	/* no number word is shorter than 3 bytes ("nul", "elf") */
	if (n < 3)
		return -1;
	lower_utf8(w, n, low);
	if (lit_eq(low, n, &een1) || lit_eq(low, n, &een2))
		return 1;
	for (int i = 0; i < 10; i++)
		if (lit_eq(low, n, &units[i]))
			return i;
	for (int i = 0; i < 10; i++)
		if (lit_eq(low, n, &teens[i]))
			return 10 + i;
	for (int i = 0; i < 8; i++) {
		size_t m = tens[i].n;
		if (n < m || memcmp(low + n - m, tens[i].s, m) != 0)
			continue;
		if (n == m)
			return 20 + 10 * i;
		/* "vierendertig", "tweeëntachtig": unit + "en"/"ën" + tens */
		size_t p = n - m;
		if (p >= 3 && memcmp(low + p - 2, "en", 2) == 0)
			p -= 2;
		else if (p >= 4 && memcmp(low + p - 3, "\xc3\xabn", 3) == 0)
			p -= 3;
		else
			return -1;
		for (int u = 1; u < 10; u++)
			if (lit_eq(low, p, &units[u]))
				return 20 + 10 * i + u;
		if (p == 4 && memcmp(low, "\xc3\xa9\xc3\xa9", 4) == 0)
			return 20 + 10 * i + 1;
		return -1;
	}
	return -1;
}

/*
 * number_word by table: every word number_word_words reads (190 of them:
 * 0-19, the tens, unit + "en"/"ën" + tens, "één"/"eén"), made once from
 * that function, so the two cannot disagree; the scan asks on every token
 * that might be one, and the table answers in one probe.
 */
static struct wtab num_tab;

static void num_tab_add(const char *w)
{
	/* the table keeps pointers: the made words live here (190 words of at
	 * most 22 bytes) */
	static char pool[190 * 24];
	static size_t used;
	size_t n = strlen(w);
	int v = number_word_words(w, n);
	if (v < 0 || used + n + 1 > sizeof pool)
		abort(); /* a word the function does not read, or more words: the list below is wrong */
	char *p = memcpy(pool + used, w, n + 1);
	used += n + 1;
	wtab_add(&num_tab, p, n, (uint32_t)v + 1);
}

static void num_tab_init(void)
{
	static const char *const units[] = {"nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven",
		"acht", "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien",
		"zeventien", "achttien", "negentien", "\xc3\xa9\xc3\xa9n", "e\xc3\xa9n", NULL};
	static const char *const tens[] = {"twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig",
		"tachtig", "negentig", NULL};
	static const char *const heads[] = {"een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht",
		"negen", "\xc3\xa9\xc3\xa9", NULL};
	for (const char *const *u = units; *u; u++)
		num_tab_add(*u);
	for (const char *const *t = tens; *t; t++) {
		num_tab_add(*t);
		for (const char *const *h = heads; *h; h++)
			for (int sep = 0; sep < 2; sep++) {
				char w[40];
				size_t hl = strlen(*h), tl = strlen(*t);
				memcpy(w, *h, hl);
				memcpy(w + hl, sep ? "\xc3\xabn" : "en", 2 + (size_t)sep);
				memcpy(w + hl + 2 + sep, *t, tl + 1);
				num_tab_add(w);
			}
	}
}

/* A Dutch number word 0..99 in lower case ("zes", "tweeëntachtig"), or -1. */
static int number_word_low(const char *low, size_t n)
{
	if (n < 3 || n >= 40)
		return -1;
	const struct word *x = wtab_find(&num_tab, low, n);
	return x ? (int)x->flags - 1 : -1;
}

static int number_word(const char *w, size_t n)
{
	char low[40];
	if (n < 3 || n >= sizeof low)
		return -1;
	lower_utf8(w, n, low);
	return number_word_low(low, n);
}

/* A number read out in words without its leading 0 ("zes één twee …",
 * "zes-vier-een-…") is a phone number only when the words around it talk about
 * calling; then 9 digits (a mobile without 0) or 10 are enough. */
static const char *const phone_word_ctx[] = {"bel", "bellen", "belt", "nummer", "telefoon", "tel",
	"mobiel", "whatsapp", "appen", "app ", "sms", "06", "nul", NULL};

static void scan_word_phones(struct ctx *c)
{
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		unsigned char c0 = (unsigned char)(c->t[k->s] | 0x20);
		/* a unit word 1..9 starts with one of these and is 3..5 bytes up to
		 * the first non-letter ("vijf-zes-…"); the cheap tests keep
		 * number_word off almost every other token */
		switch (c0) {
		case 'n': case 't': case 'd': case 'v': case 'z': case 'a': case 'e': case 0xe3:
			break;
		default:
			continue;
		}
		size_t kl = 0;
		while (kl < 6 && k->s + kl < c->len && is_letter_byte(c->t, k->s + kl, c->len))
			kl++;
		if (kl < 3 || kl > 5)
			continue;
		bool nul = c0 == 'n' && memcmp(c->lt + k->s, "nul", 3) == 0;
		int u = nul ? 0 : number_word_low(c->lt + k->s, kl);
		if (!nul && (u < 1 || u > 9))
			continue;
		size_t p = k->s, end = k->s, digits = 0;
		for (;;) {
			size_t q = p;
			while (q < c->len && is_letter_byte(c->t, q, c->len))
				q++;
			int v = q > p ? number_word_low(c->lt + p, q - p) : -1;
			if (v < 0)
				break;
			digits += v < 10 ? 1 : 2;
			end = q;
			if (digits > 11)
				break;
			p = q;
			while (p < c->len && (c->t[p] == ' ' || c->t[p] == ',' || c->t[p] == '-'))
				p++;
			if (p == q)
				break;
		}
		bool ok = nul ? digits == 10
		              : (digits == 9 || digits == 10) &&
		                (window_has(c, back(k->s, 60), k->s, phone_word_ctx) ||
		                 window_has(c, end, end + 40 < c->len ? end + 40 : c->len, phone_word_ctx));
		if (ok) {
			add_finding(c, SCAN_PHONE, k->s, end, window_has(c, back(k->s, 100), k->s, org_ctx) ? 0.4 : 0.8);
			while (i + 1 < c->ntok && c->tok[i + 1].s < end)
				i++;
		}
	}
}

/* A Dutch number word 1..120 ("vijfentachtig", "honderd", "honderdtwee"), or -1. */
static int age_number_word(const char *w, size_t n)
{
	if (n >= 7 && strncasecmp(w, "honderd", 7) == 0) {
		if (n == 7)
			return 100;
		size_t r = n - 7;
		if (r >= 2 && strncasecmp(w + 7, "en", 2) == 0 && r > 2)
			r -= 2;
		int v = number_word(w + n - r, r);
		return v >= 1 && v <= 20 ? 100 + v : -1;
	}
	int v = number_word(w, n);
	return v >= 1 ? v : -1;
}

/*
 * Ages in words, tied to a person: "de tachtigjarige Truus", "Mijn moeder is
 * vijfentachtig", "Eva is zes en ...", "haar vijfennegentigste verjaardag".
 */
static void scan_age_words(struct ctx *c)
{
	size_t n = c->out->n;
	char w[40];
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		size_t len = k->e - k->s;
		if (len < 3 || len >= sizeof w)
			continue;
		/* every number word starts with one of e t d v z a h n and ends in one of
		 * g n e r f s t d (ordinals and -jarige end in e) */
		switch (c->t[k->s] | 0x20) {
		case 'e': case 't': case 'd': case 'v': case 'z': case 'a': case 'h': case 'n':
			break;
		default:
			continue;
		}
		switch (c->t[k->e - 1]) {
		case 'g': case 'n': case 'e': case 'r': case 'f': case 's': case 't': case 'd':
			break;
		default:
			continue;
		}
		/* cheap test on the ending before any lowering: a unit word, -tien,
		 * -tig, -honderd, -jarig(e), or an ordinal before "verjaardag" */
		const char *z = c->t + k->e;
		bool cand = (len >= 3 && (memcmp(z - 3, "tig", 3) == 0 || memcmp(z - 3, "een", 3) == 0 ||
		                          memcmp(z - 3, "wee", 3) == 0 || memcmp(z - 3, "rie", 3) == 0 ||
		                          memcmp(z - 3, "ier", 3) == 0 || memcmp(z - 3, "ijf", 3) == 0 ||
		                          memcmp(z - 3, "zes", 3) == 0 || memcmp(z - 3, "ven", 3) == 0 ||
		                          memcmp(z - 3, "cht", 3) == 0 || memcmp(z - 3, "gen", 3) == 0 ||
		                          memcmp(z - 3, "elf", 3) == 0 || memcmp(z - 3, "alf", 3) == 0 ||
		                          memcmp(z - 3, "erd", 3) == 0)) ||
		            (len >= 4 && memcmp(z - 4, "tien", 4) == 0) ||
		            (len >= 5 && memcmp(z - 5, "jarig", 5) == 0) || (len >= 6 && memcmp(z - 6, "jarige", 6) == 0) ||
		            (len >= 7 && memcmp(z - 5, "tiger", 5) == 0); /* "een vijftiger" */
		if (!cand && len >= 4 && (memcmp(z - 2, "de", 2) == 0 || memcmp(z - 3, "ste", 3) == 0) &&
		    ((i + 1 < c->ntok && ((c->t[c->tok[i + 1].s] | 0x20) == 'v' || (c->t[c->tok[i + 1].s] | 0x20) == 'l')) ||
		     ordinal_age(c, k->s, k->e, &(bool){false})))
			cand = true;
		if (!cand)
			continue;
		memcpy(w, c->lt + k->s, len);
		w[len] = '\0';
		size_t stem = len;
		bool jarig = false, ord = false, decade = false;
		if (len > 7 && strcmp(w + len - 5, "tiger") == 0)
			stem = len - 2, decade = true;
		else if (len > 6 && strcmp(w + len - 6, "jarige") == 0)
			stem = len - 6, jarig = true;
		else if (len > 5 && strcmp(w + len - 5, "jarig") == 0)
			stem = len - 5, jarig = true;
		else if (len > 3 && strcmp(w + len - 3, "ste") == 0)
			stem = len - 3, ord = true;
		else if (len > 2 && strcmp(w + len - 2, "de") == 0)
			stem = len - 2, ord = true;
		int v = age_number_word(w, stem);
		if (ord && v < 0 && stem + 1 < len) /* "achtste", "negende" */
			v = age_number_word(w, stem + 1);
		if (v < 1 || v > 120)
			continue;
		char w2[24];
		size_t we;
		if (jarig) {
			/* wave 30 (batch 125): "zijn veertigjarig jubileum" is a count of years, no age */
			if (word_after(c, k->e, w2, sizeof w2, NULL) && in_list(w2, jarig_not))
				continue;
			bool person = age_person_near(c, n, k->s) ||
			              (word_after(c, k->e, w2, sizeof w2, NULL) && word_in_set(w2, &age_after_set));
			for (size_t f = finding_first_at(c, n, k->e); f < n && !person && c->out->v[f].start <= k->e + 24; f++) {
				const struct scan_finding *x = &c->out->v[f];
				person = x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF;
			}
			if (person)
				add_finding(c, SCAN_DATE_OF_BIRTH, k->s, k->e, 0.75);
			continue;
		}
		if (ord) {
			bool plural = false;
			if (v >= 2 && ordinal_age(c, k->s, k->e, &plural) && (!plural || ordinal_person(c, n, k->s))) {
				add_finding(c, SCAN_DATE_OF_BIRTH, k->s, k->e, 0.7);
				continue;
			}
			if (word_after(c, k->e, w2, sizeof w2, &we) &&
			    (strcmp(w2, "verjaardag") == 0 || strcmp(w2, "levensjaar") == 0) && age_person_near(c, n, k->s))
				add_finding(c, SCAN_DATE_OF_BIRTH, k->s, we, 0.7);
			continue;
		}
		if (decade) { /* "Kees (een vijftiger)": an age band of a person */
			if (word_before(c, k->s, w2, sizeof w2, NULL) && strcmp(w2, "een") == 0 && age_person_near(c, n, k->s))
				add_finding(c, SCAN_DATE_OF_BIRTH, k->s, k->e, 0.6);
			continue;
		}
		if (v == 1) /* "is een ...": the article */
			continue;
		/* wave 13: "is ergens in de tachtig", "begin negentig": a decade of a person */
		if (v >= 20 && v % 10 == 0 && len > 3 && strcmp(w + len - 3, "tig") == 0) {
			char a1[8], a2[8];
			size_t s1, s2;
			size_t l1 = word_before(c, k->s, a1, sizeof a1, &s1);
			size_t from = 0;
			if (l1 && !strcmp(a1, "de") && word_before(c, s1, a2, sizeof a2, &s2) && !strcmp(a2, "in"))
				from = s2;
			else if (l1 && (!strcmp(a1, "begin") || !strcmp(a1, "eind") || !strcmp(a1, "midden")))
				from = s1;
			if (from && (k->e >= c->len || !is_letter_byte(c->t, k->e, c->len)) && age_person_near(c, n, k->s)) {
				add_finding(c, SCAN_DATE_OF_BIRTH, from, k->e, 0.65);
				continue;
			}
		}
		/* wave 13: "een jaar of vijftien" with a person */
		{
			size_t s3 = jaar_of_before(c, k->s);
			if (s3 != SIZE_MAX && age_person_near(c, n, k->s)) {
				add_finding(c, SCAN_DATE_OF_BIRTH, s3, k->e, 0.7);
				continue;
			}
		}
		/* wave 13: a handover's list, "dhr. Lubbers ingekomen, zevenentachtig jaar, Alzheimer" */
		{
			size_t p = k->s, je;
			while (p > 0 && c->t[p - 1] == ' ')
				p--;
			if (p > 0 && c->t[p - 1] == ',' && word_after(c, k->e, w2, sizeof w2, &je) &&
			    (strcmp(w2, "jaar") == 0 || strcmp(w2, "jr") == 0) && je < c->len && strchr(",.;", c->t[je]) &&
			    age_person_near(c, n, k->s)) {
				add_finding(c, SCAN_DATE_OF_BIRTH, k->s, je, 0.7);
				continue;
			}
			/* wave 25 (batch 108): between commas right after a name, "Mijn
			 * broer Sjaak Wijbenga, vijftig, heeft ..." */
			if (p > 0 && c->t[p - 1] == ',' && k->e < c->len && c->t[k->e] == ',' && v >= 2 &&
			    name_ends_before(c, n, p - 1)) {
				add_finding(c, SCAN_DATE_OF_BIRTH, k->s, k->e, 0.7);
				continue;
			}
		}
		{
			size_t fe = figurative_age(c, n, k->s, k->e);
			if (fe) {
				add_finding(c, SCAN_DATE_OF_BIRTH, k->s, fe, 0.7);
				continue;
			}
		}
		/* wave 11: "Dieuwertje (tweeënzestig)", "zijn kleindochter van twintig
		 * waakt": in brackets after a name, or after a person word and "van"
		 * with punctuation or the person's verb after it */
		{
			size_t p = k->s;
			while (p > 0 && c->t[p - 1] == ' ')
				p--;
			if (p > 0 && c->t[p - 1] == '(' && k->e < c->len && c->t[k->e] == ')' &&
			    (name_ends_before(c, n, p - 1) || age_person_near(c, n, k->s))) {
				add_finding(c, SCAN_DATE_OF_BIRTH, k->s, k->e, 0.7);
				continue;
			}
			char vw[8], pw[24], nx[24];
			size_t vs, nl;
			if (word_before(c, k->s, vw, sizeof vw, &vs) && strcmp(vw, "van") == 0 &&
			    word_before(c, vs, pw, sizeof pw, NULL) && (word_in_set(pw, &age_after_set) || family_word(pw))) {
				nl = word_after(c, k->e, nx, sizeof nx, NULL);
				size_t q = k->e;
				while (q < c->len && c->t[q] == ' ')
					q++;
				if ((!nl && (q >= c->len || strchr(".,!?;)\n", c->t[q]))) ||
				    (nl && !word_in_set(nx, &age_not_set) && strcmp(nx, "tot") != 0 &&
				     (nx[nl - 1] == 't' || nx[nl - 1] == 'd' || strcmp(nx, "jaar") == 0 || strcmp(nx, "en") == 0))) {
					add_finding(c, SCAN_DATE_OF_BIRTH, k->s, k->e, 0.7);
					continue;
				}
			}
		}
		size_t ws;
		size_t wn = word_before(c, k->s, w2, sizeof w2, &ws);
		for (int hop = 0; wn && hop < 3 && in_list(w2, age_advs); hop++)
			wn = word_before(c, ws, w2, sizeof w2, &ws);
		if (!wn || !in_list(w2, age_verbs))
			continue;
		size_t vs = ws, end = k->e, q = k->e;
		while (q < c->len && c->t[q] == ' ')
			q++;
		bool ok = q >= c->len || strchr(".!,?);\n", c->t[q]);
		/* (wave 29: an emoji too, after the models) */
		bool emoji = !ok && emoji_at(c, q);
		ok = ok || emoji;
		if (!ok && word_after(c, k->e, w2, sizeof w2, &we)) {
			if (strcmp(w2, "jaar") == 0 || became(w2)) {
				char w3[24];
				if (!(word_after(c, we, w3, sizeof w3, NULL) && word_in_set(w3, &age_not_set)))
					ok = true, end = we;
			} else if (strcmp(w2, "en") == 0 || strcmp(w2, "and") == 0 || strcmp(w2, "maar") == 0 ||
			           strcmp(w2, "wurden") == 0) { /* wave 14: "is zevenenzestig maar voelt zich honderd" */
				ok = true;
			}
		}
		/* wave 12: "Ze is eenennegentig en ...", as the digits' "Ze is 89, dus" */
		bool pron = false;
		{
			char pw[8];
			size_t pl = word_before(c, vs, pw, sizeof pw, NULL);
			pron = pl && (strcmp(pw, "ze") == 0 || strcmp(pw, "zij") == 0 || strcmp(pw, "hij") == 0);
		}
		if (ok && (pron || age_person_near(c, n, k->s) || age_subject_name(c, vs))) {
			if (emoji)
				add_late(c, SCAN_DATE_OF_BIRTH, k->s, end, 0.7);
			else
				add_finding(c, SCAN_DATE_OF_BIRTH, k->s, end, 0.7);
		}
	}
}

/* Cheaply, before age_number_word: w (n bytes) may be a number word of 2 or
 * more — ends in -tig, -tien or -derd, or is a unit or "elf"/"twaalf". */
static bool maybe_number_word(const char *w, size_t n)
{
	static const struct lit small[] = {LIT("twee"), LIT("drie"), LIT("vier"), LIT("vijf"), LIT("zes"),
		LIT("zeven"), LIT("acht"), LIT("negen"), LIT("elf"), LIT("twaalf")};
	if (n >= 6 && (!strncasecmp(w + n - 3, "tig", 3) || !strncasecmp(w + n - 4, "tien", 4) ||
	               !strncasecmp(w + n - 4, "derd", 4)))
		return true;
	if (n == 4 && !strncasecmp(w, "tien", 4))
		return true;
	for (size_t i = 0; i < sizeof small / sizeof small[0]; i++)
		if (n == small[i].n && !strncasecmp(w, small[i].s, n))
			return true;
	return false;
}

/* The value of the digits [s, e) (at most three), or -1. */
static int digits_value(const struct ctx *c, size_t s, size_t e)
{
	if (e <= s || e - s > 3)
		return -1;
	int a = 0;
	for (size_t q = s; q < e; q++)
		a = a * 10 + (c->t[q] - '0');
	return a;
}

/*
 * Wave 29 (batch 121): an age in a clause, where Dutch puts the verb last
 * ("terwijl ze zelf 88 is", "Ik vind het knap dat hij al 94 is", "omdat
 * mijn moeder tachtig wordt") and at a sentence's head before its verb
 * ("Zevenentachtig is ze, en nog zo scherp ..."): a conjunction, the
 * person (he, she, I, a family word, a counted name), a few words like
 * "zelf" or "al", the number (and "jaar"), the verb; or the number word
 * opening the sentence, the verb, he or she.  Added after the models
 * (add_late): their rows stay as they were trained.
 */
static void scan_clause_ages(struct ctx *c)
{
	static const char *const verbs[] = {"is", "wordt", "werd", "was", "ben", "bent", "word", "geworden", NULL};
	static const char *const conj[] = {"dat", "omdat", "terwijl", "als", "nu", "toen", "sinds", "hoewel",
		"ondanks", "zodra", "want", "dus", "of", NULL};
	static const char *const who[] = {"ze", "zij", "hij", "ik", NULL}; /* ("als je 18 bent": anyone) */
	static const char *const advs[] = {"zelf", "al", "pas", "nu", "inmiddels", "bijna", "ruim", "ook", "net", "nog",
		"maar", "alweer", "morgen", "vandaag", NULL};
	static const char *const owners[] = {"mijn", "m'n", "mn", "onze", "ons", "haar", "zijn", "z'n", NULL};
	size_t n = c->out->n;
	for (size_t i = 1; i < c->ntok; i++) {
		const struct tok *v = &c->tok[i];
		/* (the verbs' lengths and first letters before the list) */
		size_t vn = v->e - v->s;
		unsigned char v0 = (unsigned char)c->t[v->s] | 0x20;
		if (vn < 2 || vn > 8 || !(v0 == 'i' || v0 == 'w' || v0 == 'b' || v0 == 'g'))
			continue;
		/* the subject after the verb: "Gisteren werd mijn vader 80.",
		 * "Vandaag werd onze oma honderd! 🎉" — a family word (after "mijn",
		 * "onze" ...), the number, then the sentence's end, an emoji, "jaar",
		 * "geworden" or "en" */
		if ((v0 == 'w' || v0 == 'i') && i + 2 < c->ntok &&
		    ((c->tok[i + 1].flags & W_FAMILY) || (c->tok[i + 2].flags & W_FAMILY)) &&
		    tok_in(c, v, (const char *const[]){"werd", "wordt", "is", "was", NULL})) {
			size_t f = i + 1;
			if (tok_in(c, &c->tok[f], owners))
				f++;
			if (f < c->ntok && c->tok[f].sent == v->sent && (c->tok[f].flags & W_FAMILY) && f > i + 1) {
				size_t p = c->tok[f].e, ns = p, ne;
				while (ns < c->len && c->t[ns] == ' ')
					ns++;
				int a = -1;
				ne = ns;
				while (ne < c->len && digit_at(c, ne) && ne - ns < 4)
					ne++;
				if (ne > ns) {
					a = digits_value(c, ns, ne);
				} else if (f + 1 < c->ntok && c->tok[f + 1].s == ns && maybe_number_word(c->t + ns, c->tok[f + 1].e - ns)) {
					ne = c->tok[f + 1].e;
					a = age_number_word(c->t + ns, ne - ns);
				}
				size_t q = ne;
				while (q < c->len && c->t[q] == ' ')
					q++;
				char nx[12];
				bool tail = q >= c->len || strchr(".!,?;\n", c->t[q]) || emoji_at(c, q) ||
				            (word_after(c, ne, nx, sizeof nx, NULL) &&
				             (!strcmp(nx, "jaar") || !strcmp(nx, "geworden") || !strcmp(nx, "en")));
				if (a >= 2 && a <= 120 && tail && (ne == c->len || !is_letter_byte(c->t, ne, c->len))) {
					add_late(c, SCAN_DATE_OF_BIRTH, ns, ne, 0.7);
					continue;
				}
			}
		}
		/* (a digit, or a letter, before it: "88 is", "tachtig wordt", "jaar is") */
		size_t b = v->s;
		while (b > 0 && c->t[b - 1] == ' ')
			b--;
		if (b == 0 || b == v->s || !(digit_at(c, b - 1) || (c->t[b - 1] >= 'a' && c->t[b - 1] <= 'z')))
			continue;
		if (!digit_at(c, b - 1)) {
			/* "jaar", or a number word */
			const struct tok *pt = &c->tok[i - 1];
			size_t pn = pt->e - pt->s;
			if (pt->e != b || pn < 3)
				continue;
			bool jaar = pn == 4 && !memcmp(c->lt + pt->s, "jaar", 4);
			if (!jaar) {
				/* (a number word's first and last letters, as scan_age_words) */
				if (!maybe_number_word(c->t + pt->s, pn) || age_number_word(c->t + pt->s, pn) < 2)
					continue;
			}
		}
		if (!tok_in(c, v, verbs))
			continue;
		/* the head of a sentence: "Zevenentachtig is ze" */
		const struct tok *h = &c->tok[i - 1];
		if (h->first && h->sent == v->sent && i + 1 < c->ntok && c->tok[i + 1].sent == v->sent &&
		    tok_in(c, &c->tok[i + 1], (const char *const[]){"ze", "zij", "hij", NULL}) && h->e - h->s < 24) {
			char w[24];
			memcpy(w, c->lt + h->s, h->e - h->s);
			int a = age_number_word(w, h->e - h->s);
			if (a >= 2 && a <= 120 && only_space(c, h->e, v->s)) {
				add_late(c, SCAN_DATE_OF_BIRTH, h->s, h->e, 0.7);
				continue;
			}
		}
		/* the clause: what stands before the verb */
		size_t p = v->s, ns, ne;
		char w[24];
		size_t ws;
		while (p > 0 && c->t[p - 1] == ' ')
			p--;
		size_t end = p;
		if (word_before(c, p, w, sizeof w, &ws) && !strcmp(w, "jaar"))
			p = ws;
		while (p > 0 && c->t[p - 1] == ' ')
			p--;
		ne = p;
		int a = -1;
		if (ne > 0 && digit_at(c, ne - 1)) {
			ns = ne;
			while (ns > 0 && digit_at(c, ns - 1) && ne - ns < 4)
				ns--;
			if (ns == 0 || c->t[ns - 1] == ' ')
				a = digits_value(c, ns, ne);
		} else if (word_before(c, ne, w, sizeof w, &ns)) {
			a = age_number_word(w, strlen(w));
		} else {
			continue;
		}
		if (a < 2 || a > 120)
			continue;
		/* the person, after a few small words */
		size_t q = ns;
		bool person = false;
		for (int hop = 0; hop < 3 && !person; hop++) {
			size_t l = word_before(c, q, w, sizeof w, &ws);
			if (!l)
				break;
			if (in_list(w, who) || family_word(w) || name_ends_before(c, n, q)) {
				person = true;
				q = ws;
			} else if (in_list(w, advs)) {
				q = ws;
			} else {
				break;
			}
		}
		/* (a name: name_ends_before read it; its start is before) */
		if (!person)
			continue;
		while (q > 0 && c->t[q - 1] == ' ')
			q--;
		/* "mijn moeder", "haar zoon": the owner first */
		if (word_before(c, q, w, sizeof w, &ws) && in_list(w, owners))
			q = ws;
		/* a name's own start, when one ends at q */
		for (size_t f = 0; f < n; f++)
			if (c->out->v[f].type == SCAN_NAME && c->out->v[f].end == q)
				q = c->out->v[f].start;
		if (!word_before(c, q, w, sizeof w, NULL) || !in_list(w, conj))
			continue;
		add_late(c, SCAN_DATE_OF_BIRTH, ns, end, 0.7);
	}
}

/*
 * Digits and number words mixed: "06 twaalf 34 vijftig 78", "0 6 - twaalf
 * - 34 ...": from a digit group starting with 0 at a word start, groups of
 * digits and number words joined by spaces, commas or dashes that make ten
 * digits, with at least one word among them.
 */
static void scan_mixed_phones(struct ctx *c)
{
	for (const char *z = memchr(c->t, '0', c->len); z; z = memchr(z + 1, '0', c->len - (size_t)(z + 1 - c->t))) {
		size_t st = (size_t)(z - c->t);
		if (st > 0 && (digit_at(c, st - 1) || is_letter_byte(c->t, st - 1, c->len) || c->t[st - 1] == '+'))
			continue;
		size_t p = st, end = st, digits = 0, wordsn = 0;
		for (;;) {
			size_t q = p;
			if (digit_at(c, q)) {
				while (digit_at(c, q))
					q++;
				if (q - p > 4 || (q < c->len && is_letter_byte(c->t, q, c->len)))
					break;
				digits += q - p;
			} else {
				while (q < c->len && is_letter_byte(c->t, q, c->len))
					q++;
				int v = q > p ? number_word_low(c->lt + p, q - p) : -1;
				if (v < 0)
					break;
				digits += v < 10 ? 1 : 2;
				wordsn++;
			}
			end = q;
			if (digits >= 10)
				break;
			p = q;
			while (p < c->len && (c->t[p] == ' ' || c->t[p] == ',' || c->t[p] == '-'))
				p++;
			if (p == q || p >= c->len)
				break;
		}
		if (digits == 10 && wordsn > 0 && !digit_at(c, end) && !(end < c->len && is_letter_byte(c->t, end, c->len)))
			add_finding(c, SCAN_PHONE, st, end, window_has(c, back(st, 100), st, org_ctx) ? 0.4 : 0.8);
		if (end > st)
			z = c->t + end - 1;
	}
}

/* "Dhr. Wolters ligt op K12": a ward and room code, with a person in the sentence */
/* "O6-24 81 90 33": a letter O for the first 0, written to get past a
 * harvester; the other nine digits as in a Dutch number */
/* A digit, or a letter O written for a zero inside a number ("O6-2O 31 77 45") */
static bool o_digit(const struct ctx *c, size_t p)
{
	if (digit_at(c, p))
		return true;
	return p < c->len && (c->t[p] == 'O' || c->t[p] == 'o') && p > 0 && digit_at(c, p - 1) &&
	       (p + 1 >= c->len || !is_letter_byte(c->t, p + 1, c->len));
}

static void scan_letter_o_phones(struct ctx *c)
{
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		if (k->e - k->s != 1 || (c->t[k->s] != 'O' && c->t[k->s] != 'o') || !digit_at(c, k->e) ||
		    c->t[k->e] == '0')
			continue;
		size_t p = k->e, nd = 0, end = p;
		while (p < c->len && nd <= 9 && (o_digit(c, p) || ((c->t[p] == ' ' || c->t[p] == '-' || c->t[p] == '.') &&
		                                                   p + 1 < c->len && digit_at(c, p + 1)))) {
			if (o_digit(c, p)) {
				nd++;
				end = p + 1;
			}
			p++;
		}
		if (nd == 9 && !(p < c->len && is_letter_byte(c->t, p, c->len)))
			add_finding(c, SCAN_PHONE, k->s, end, window_has(c, back(k->s, 100), k->s, org_ctx) ? 0.4 : 0.8);
	}
}

static void scan_ward_codes(struct ctx *c)
{
	size_t n = c->out->n;
	char w[16];
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		/* "K12", "K-14", "K.214" */
		size_t d = k->e + ((k->e < c->len && (c->t[k->e] == '-' || c->t[k->e] == '.')) ? 1 : 0);
		/* wave 13: a lower-case "k" too ("Sanne op k4": kamer 4) */
		if (!k->single || !(k->cap || c->t[k->s] == 'k') || !digit_at(c, d))
			continue;
		size_t e = d;
		while (digit_at(c, e))
			e++;
		size_t nd = e - d;
		/* "C3-12": wing, floor and room */
		if (nd <= 2 && e + 2 < c->len && c->t[e] == '-' && digit_at(c, e + 1) && digit_at(c, e + 2) &&
		    !digit_at(c, e + 3))
			e += 3;
		/* "K2.04", "R2.14": wing, floor and room with a dot */
		else if (nd <= 2 && e + 2 < c->len && c->t[e] == '.' && digit_at(c, e + 1) && digit_at(c, e + 2) &&
		         !digit_at(c, e + 3))
			e += 3;
		if (nd > 3 || (e < c->len && (is_letter_byte(c->t, e, c->len) || digit_at(c, e) ||
		                                     ((c->t[e] == '.' || c->t[e] == ',' || c->t[e] == '-') && digit_at(c, e + 1)))))
			continue;
		size_t ws = 0, s0 = k->s;
		bool where = word_before(c, k->s, w, sizeof w, &ws) &&
		             (strcmp(w, "op") == 0 || strcmp(w, "naar") == 0 || strcmp(w, "van") == 0 ||
		              strcmp(w, "afdeling") == 0 || strcmp(w, "afd") == 0);
		/* wave 13: after a ward's name ("afd. Zonnehof k12"), or with the
		 * person in brackets right after it ("K8 (dhr. Meijer) had ...") */
		if (!where && ws > 0 && i > 1 && c->tok[i - 1].cap && c->tok[i - 1].s == ws &&
		    word_before(c, ws, w, sizeof w, NULL) && (strcmp(w, "afdeling") == 0 || strcmp(w, "afd") == 0)) {
			where = true;
			s0 = ws;
		}
		if (!where) {
			size_t q = e;
			while (q < c->len && c->t[q] == ' ')
				q++;
			where = q < c->len && c->t[q] == '(' && q - e <= 1;
		}
		if (where && person_near(c, n, k->s))
			add_finding(c, SCAN_ROOM, s0, e, 0.7);
	}
	/* "terug naar Eik 2.11", "op De Berk 3": a wing named after a tree or a
	 * flower, as homes name them, with a room number after op/naar/van */
	for (size_t i = 1; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		if (!k->cap || k->e + 1 >= c->len || c->t[k->e] != ' ' || !digit_at(c, k->e + 1) ||
		    k->e - k->s > 12 || k->e - k->s < 2)
			continue;
		size_t l = k->e - k->s;
		memcpy(w, c->lt + k->s, l);
		w[l] = '\0';
		if (!in_list(w, wings))
			continue;
		size_t e = k->e + 1;
		while (digit_at(c, e))
			e++;
		if (e - (k->e + 1) > 3)
			continue;
		if (e + 2 < c->len && (c->t[e] == '.' || c->t[e] == '-') && digit_at(c, e + 1) && digit_at(c, e + 2) &&
		    !digit_at(c, e + 3))
			e += 3;
		if (e < c->len && (is_letter_byte(c->t, e, c->len) || digit_at(c, e) ||
		                   ((c->t[e] == '.' || c->t[e] == ',') && digit_at(c, e + 1))))
			continue;
		size_t s0 = k->s, ws;
		if (!word_before(c, s0, w, sizeof w, &ws))
			continue;
		if (strcmp(w, "de") == 0 || strcmp(w, "het") == 0) {
			s0 = ws;
			if (!word_before(c, s0, w, sizeof w, NULL))
				continue;
		}
		if ((strcmp(w, "op") == 0 || strcmp(w, "naar") == 0 || strcmp(w, "van") == 0 ||
		     strcmp(w, "afdeling") == 0) && person_near(c, n, k->s))
			add_finding(c, SCAN_ROOM, s0, e, 0.7);
	}
	/* wave 11: "op kamer Zonnebloem", "in suite Lavendel": a room named, as
	 * homes and hospices name them, with a person near.  (A ward by its
	 * letters, "op de PAAZ", is left: the set marks it mostly not.) */
	static const char *const named_rooms[] = {"kamer", "suite", "appartement", "studio", "chambre", NULL};
	for (size_t i = 1; i + 1 < c->ntok; i++) {
		const struct tok *k = &c->tok[i], *x = &c->tok[i + 1];
		if (x->sent != k->sent || !only_space(c, k->e, x->s) || !x->cap || x->acronym || x->first ||
		    (x->flags & (W_FIRST | W_SUR | W_ORG | W_NONAME | W_TITLE)))
			continue;
		if (tok_in(c, k, named_rooms) && person_near(c, n, k->s))
			add_finding(c, SCAN_ROOM, k->s, x->e, 0.6);
	}
	/* "Mw. van Leeuwen (3.12)", "(2B-04)", "(K.214)": a code in brackets right
	 * after a name, with one separator or a letter (an age "(34)" or a date has
	 * neither, or two separators) */
	for (size_t f = 0; f < n; f++) {
		const struct scan_finding *x = &c->out->v[f];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t p = x->end;
		while (p < c->len && c->t[p] == ' ')
			p++;
		if (p >= c->len || c->t[p] != '(')
			continue;
		size_t q = p + 1, digits = 0, letters = 0, seps = 0;
		while (q < c->len && q - p <= 8) {
			char ch = c->t[q];
			if (ch >= '0' && ch <= '9')
				digits++;
			else if (ch >= 'A' && ch <= 'Z')
				letters++;
			else if ((ch == '.' || ch == '-') && q > p + 1 && digit_at(c, q + 1))
				seps++;
			else
				break;
			q++;
		}
		if (q < c->len && c->t[q] == ')' && digits >= 2 && letters <= 2 && seps <= 1 && (seps || letters) &&
		    digits + letters <= 5)
			add_finding(c, SCAN_ROOM, p + 1, q, 0.7);
	}
}

/* --- health */

/*
 * Care shorthand for a measurement: "sat 88 %", "RR 90/55", "pols 112",
 * "Hb 5,8", "HbA1c 64", "BMI 17", "NRS 7", "sat zakt naar 86", and "3L O2".
 * A measurement label is a health word only with its number (within a few
 * words of it, in the same clause), so "pols gebroken" stays the wrist and
 * "de sat-meter" nothing.  Returns the end of the number, or 0.
 */
static size_t vital_end(const struct ctx *c, size_t i)
{
	const struct tok *k = &c->tok[i];
	size_t n = k->e - k->s, p = k->e;
	/* "O2": the letter with its digit, written as staff do ("2 liter O2") */
	if (n == 1 && c->t[k->s] == 'O' && p < c->len && c->t[p] == '2' && (p + 1 >= c->len || !ascii_alnum(c->t[p + 1])))
		return p + 1;
	if (!(k->flags & W_VITAL) || n > 14)
		return 0;
	char w[16];
	w[lower_utf8(c->t + k->s, n, w)] = '\0';
	/* "af" and "hf" are words too ("af en toe"): only in capitals */
	if ((strcmp(w, "af") == 0 || strcmp(w, "hf") == 0) && !k->acronym)
		return 0;
	/* "HbA1c 64": the label's own digit is not the value */
	if (strcmp(w, "hba") == 0 && p + 1 < c->len && c->t[p] == '1' && (c->t[p + 1] | 0x20) == 'c')
		p += 2;
	size_t lim = p + 16 < c->len ? p + 16 : c->len;
	while (p < lim && c->t[p] != ',' && c->t[p] != '.' && c->t[p] != ';' && c->t[p] != '\n' &&
	       !(c->t[p] >= '0' && c->t[p] <= '9'))
		p++;
	if (p >= lim || !(c->t[p] >= '0' && c->t[p] <= '9'))
		return 0;
	while (p < c->len && ((c->t[p] >= '0' && c->t[p] <= '9') || c->t[p] == '%' || c->t[p] == '/' ||
	                      ((c->t[p] == ',' || c->t[p] == '.') && p + 1 < c->len && c->t[p + 1] >= '0' &&
	                       c->t[p + 1] <= '9')))
		p++;
	return p;
}

static bool medical_token(const struct ctx *c, size_t i, size_t *last)
{
	const struct tok *k = &c->tok[i];
	*last = i;
	if (k->flags & W_MEDHEAD) {
		/* multi-word terms: the longest first, from as many words as the
		 * head's terms have (wave 15: "komt zijn bed niet meer uit", six)
		 * down to two; the span is lowered once */
		char buf[128];
		size_t w = W_MEDLEN(k->flags);
		if (w > 6)
			w = 6;
		while (w >= 2 && (i + w - 1 >= c->ntok || c->tok[i + w - 1].e - k->s >= sizeof buf))
			w--;
		if (w >= 2) {
			size_t s = k->s, e = c->tok[i + w - 1].e;
			memcpy(buf, c->lt + s, e - s);
			size_t bad = e - s; /* the first line break or tab: no term runs over it */
			for (size_t p = 0; p < e - s; p++)
				if (buf[p] == '\n' || buf[p] == '\t') {
					bad = p;
					break;
				}
			for (; w >= 2; w--) {
				size_t len = c->tok[i + w - 1].e - s;
				const struct word *wd = len <= bad ? wtab_find(&words, buf, len) : NULL;
				if (wd && (wd->flags & W_MED)) {
					*last = i + w - 1;
					return true;
				}
			}
		}
	}
	if (k->flags & W_MED)
		return true;
	if (vital_end(c, i))
		return true;
	/* "ze heeft MS", "DM2": abbreviations that are ordinary words in lower case */
	if (k->acronym && k->e - k->s <= 3) {
		char a[4] = {0};
		memcpy(a, c->lt + k->s, k->e - k->s);
		if (strcmp(a, "ms") == 0 || strcmp(a, "als") == 0 || strcmp(a, "nah") == 0 ||
		    strcmp(a, "ass") == 0 || strcmp(a, "ocd") == 0 || strcmp(a, "add") == 0 ||
		    (strcmp(a, "dm") == 0 && k->e < c->len && (c->t[k->e] == '1' || c->t[k->e] == '2'))) {
			if (a[0] == 'd' && a[1] == 'm')
				return true;
			return true;
		}
	}
	/* "hiv-status", "covid-patiënt": look at the parts */
	const char *h = memchr(c->t + k->s, '-', k->e - k->s);
	if (h) {
		size_t a = k->s, b = (size_t)(h - c->t);
		while (a < k->e) {
			if (b > a && (lookup(c->t + a, b - a) & W_MED))
				return true;
			a = b + 1;
			const char *h2 = a < k->e ? memchr(c->t + a, '-', k->e - a) : NULL;
			b = h2 ? (size_t)(h2 - c->t) : k->e;
		}
	}
	size_t n = k->e - k->s;
	/* "manische", "psychotische": an adjective's inflected form of a listed word */
	if (n >= 6 && n <= 40 && c->t[k->e - 1] == 'e' && (lookup(c->t + k->s, n - 1) & W_MED))
		return true;
	if (n < 7 || n > 60)
		return false;
	char low[64];
	memcpy(low, c->lt + k->s, n);
	/* "spreekuur" is no "kuur" */
	if (n >= 9 && memcmp(low + n - 9, "spreekuur", 9) == 0)
		return false;
	for (size_t m = 0; m < nmedsuf; m++) {
		size_t sl = medsuf[m].len;
		if (n >= sl + 3 && low[n - 1] == medsuf[m].s[sl - 1] && memcmp(low + n - sl, medsuf[m].s, sl) == 0)
			return true;
	}
	return false;
}

/*
 * "Bram heeft een gebroken heup. Hij ...", "Fleur woont op ...": a first name
 * that is also an ordinary word (Bram, Fleur, Roos) opening a sentence, with a
 * verb of a person right after it, is a person when the sentence speaks of
 * health or the next one goes on with "hij"/"zij"/"ze".
 */
static void scan_subject_names(struct ctx *c)
{
	static const char *const pverbs[] = {"heeft", "is", "krijgt", "ligt", "woont", "had", "was", "slikt",
		"gebruikt", "zit", "voelt", "kreeg", "lag", "woonde", "moet", "mag", "wil", "kan",
		"zat", "zegt", "zei", "vraagt", "belde", "ging", "gaat", "eet", "huilt", "slaapt", NULL}; /* wave 11 */
	size_t n = c->out->n;
	bool *cov = NULL;
	for (size_t i = 0; i + 1 < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		/* a first name written in lower case ("juul zit boven", as people
		 * type in a chat) is no ordinary word when the list says it is not one */
		bool lower = !k->cap && !(k->flags & W_AMBIG);
		if (!k->first || !(k->cap || lower) || (k->cap && !(k->flags & W_AMBIG)) ||
		    !(k->flags & W_FIRST) || c->veto[i] ||
		    (k->flags & (W_NONAME | W_ORG | W_ROLE | W_MED | W_PREFIX | W_TITLE | W_FAMILY | W_POSS)))
			continue;
		const struct tok *v = &c->tok[i + 1];
		char w[16];
		size_t vl = v->e - v->s;
		if (v->sent != k->sent || vl >= sizeof w)
			continue;
		memcpy(w, c->lt + v->s, vl);
		w[vl] = '\0';
		if (!in_list(w, pverbs))
			continue;
		if (!cov) { /* tokens inside a finding so far, made once */
			cov = xcalloc(c->ntok, sizeof *cov);
			for (size_t f = 0; f < n; f++)
				for (size_t t = tok_first_at(c, c->out->v[f].start); t < c->ntok && c->tok[t].s < c->out->v[f].end; t++)
					cov[t] = true;
		}
		if (cov[i])
			continue;
		bool about = false;
		size_t j = i + 1, last;
		for (; j < c->ntok && c->tok[j].sent == k->sent && !about; j++)
			about = medical_token(c, j, &last) ||
			        (c->tok[j].flags & W_STREETHEAD && j + 1 < c->ntok && digit_at(c, c->tok[j].e + 1));
		if (!about && j < c->ntok && (c->tok[j].flags & W_PRONOUN) && c->tok[j].cap)
			about = true;
		if (about || lower)
			add_finding(c, SCAN_NAME, k->s, k->e, 0.6);
	}
	free(cov);
}

/* Wave 30 (batch 125): token i closes the text after a dash, the writer's
 * signature in lower case ("... niemand met mij. — wilma"). */
static bool lower_signature(const struct ctx *c, size_t i)
{
	if (i + 1 != c->ntok)
		return false;
	for (size_t e = c->tok[i].e; e < c->len; e++)
		if (!strchr(" .!\n", c->t[e]))
			return false;
	size_t p = c->tok[i].s;
	while (p > 0 && c->t[p - 1] == ' ')
		p--;
	return (p > 0 && c->t[p - 1] == '-') || (p >= 3 && !memcmp(c->t + p - 3, "\xe2\x80", 2) &&
	                                         (c->t[p - 1] == '\x94' || c->t[p - 1] == '\x93'));
}

/*
 * "ik sprak jan vanmorgen", "heb je fatima gezien": in chat a listed first
 * name in lower case right after a verb of meeting or calling is the object
 * of it.  Only names the list does not also know as ordinary words.
 */
static void scan_lower_objects(struct ctx *c)
{
	static const char *const mverbs[] = {"sprak", "spreek", "zag", "zie", "bel", "belde", "bezocht",
		"bezoek", "hielp", "help", "haalde", "haal", "bracht", "breng", "gezien", "gesproken",
		"gebeld", "met", "heb", "tante", "oom", "opa", "oma", "ben", "hee", "hoi", "hey", "hallo",
		"onze", "ons", "mijn", "m'n", "mn",
		/* wave 29 (batch 121): who said it ("vertelde kees dat ...") */
		"vertelde", "vertelt", "zei", "vroeg", "riep", "appte", "mailde", "schreef",
		/* wave 30 (batch 125): who signs ("groetjes karin uit Tiel") */
		"groetjes", "groeten", "groet", "liefs", "grtjs", "doei", "kusjes", NULL}; /* wave 6: "onze pien is 3" */
	for (size_t i = 1; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i], *p = &c->tok[i - 1];
		bool sig = lower_signature(c, i);
		if ((!sig && (k->first || p->sent != k->sent)) || k->cap || !(k->flags & W_FIRST) || c->veto[i] ||
		    (k->flags & (W_AMBIG | W_NONAME | W_ORG | W_ROLE | W_MED | W_PREFIX | W_TITLE |
		                 W_FAMILY | W_POSS | W_PRONOUN)))
			continue;
		char w[16];
		size_t pl = p->e - p->s;
		if (pl >= sizeof w)
			continue;
		memcpy(w, c->lt + p->s, pl);
		w[pl] = '\0';
		static const char *const subj[] = {"ik", "je", "jij", "we", "wij", "hij", "ze", "zij", NULL};
		/* wave 11: "mijn vader wim", "ons meisje saar", "hij heet harm": a
		 * family or child word, or a naming verb, right before it */
		static const char *const young[] = {"meisje", "jongen", "ventje", "mannetje", "kleintje", "jongste",
			"oudste", "kleine", "lieve", "vriendje", "vriendinnetje", "buurjongen", "buurmeisje", "meid",
			"schat", "jochie", "maatje", /* wave 29: "bro ilias ff checken" */ "bro", "bruh", "sis", NULL};
		bool hit = sig || in_list(w, mverbs) || (p->flags & (W_FAMILY | W_NAMEVERB)) || in_list(w, young);
		if (!hit && i >= 2 && in_list(w, subj) && c->tok[i - 2].sent == k->sent) {
			/* "zag ik mohammed": the verb before the subject */
			const struct tok *q = &c->tok[i - 2];
			size_t ql = q->e - q->s;
			if (ql < sizeof w) {
				memcpy(w, c->lt + q->s, ql);
				w[ql] = '\0';
				hit = in_list(w, mverbs);
			}
		}
		/* wave 11, chat in lower case: "zorgen om lotte ze eet", "daan zn moeder
		 * belde", "voor wie omar kent", "noor zat": a listed name that is no
		 * Dutch word, with a preposition or "wie" before it or a person's
		 * word after it (a pronoun, "zn"/"d'r", a verb) */
		if (!hit) {
			static const char *const pre[] = {"om", "met", "voor", "bij", "aan", "naast", "naar", "over", "van",
				"wie", "dat", "en", "ook", "tegen", "zonder", NULL};
			static const char *const post[] = {"zn", "z'n", "zijn", "d'r", "haar", "ze", "hij", "zij", "is", "was",
				"zat", "zit", "ligt", "lag", "heeft", "had", "kan", "wil", "moet", "zegt", "zei", "vraagt", "vroeg",
				"belde", "appte", "gaat", "ging", "komt", "kwam", "eet", "at", "huilt", "slaapt",
				/* wave 30 (batch 125): "hoi jongerenwerk, lucas hier (17)" */
				"hier", NULL};
			hit = in_list(w, pre) || (i + 1 < c->ntok && c->tok[i + 1].sent == k->sent && tok_in(c, &c->tok[i + 1], post));
		}
		if (!hit)
			continue;
		/* "mijn vader gerard van leeuwen": prefixes and a listed surname, all lower case */
		size_t end = k->e, j = i + 1;
		while (j < c->ntok && joined(c, j - 1) && !c->tok[j].cap && (c->tok[j].flags & W_PREFIX) && j - i < 4)
			j++;
		/* after a prefix a surname that is also a word is the surname ("van leeuwen") */
		if (j < c->ntok && joined(c, j - 1) && !c->tok[j].cap && (c->tok[j].flags & W_SUR) &&
		    !(c->tok[j].flags & (W_NONAME | W_ORG | W_ROLE | W_MED)) && (j > i + 1 || !(c->tok[j].flags & W_AMBIG)))
			end = c->tok[j].e;
		add_finding(c, SCAN_NAME, k->s, end, 0.6);
	}
}

/*
 * "Mijn hond Bram moet geopereerd worden", "Onze kat Saartje is 18 en heeft
 * suikerziekte", "Poes Minoes": a name right after an animal word is a pet's.
 * It is dropped (and its words kept from the later name readers), so the
 * pet's age and illness find no person either.
 */
/* after batch 32: "onze afdelingskat Pietje", "de kantoorhond Bobbie" */
static bool pet_compound(const struct ctx *c, const struct tok *k)
{
	static const char *const animals[] = {"kat", "poes", "hond", "konijn", "cavia", "kater", "pony's", "honden",
		"katten", "geiten", "ezels", "kippen", "konijnen", NULL};
	size_t n = k->e - k->s;
	/* "Afdelingskat Mientje" opening the sentence */
	if ((k->cap && !k->first) || n < 6 || n > 24)
		return false;
	char last = c->t[k->e - 1];
	for (const char *const *p = animals; *p; p++) {
		size_t m = strlen(*p);
		if (n >= m && last == (*p)[m - 1] && memcmp(c->t + k->e - m, *p, m) == 0)
			return true;
	}
	return false;
}

static void drop_pet_names(struct ctx *c)
{
	bool any = false;
	for (size_t t = 1; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t], *p = &c->tok[t - 1];
		if (k->cap && p->sent == k->sent && ((p->flags & W_PET) || pet_compound(c, p)) &&
		    (only_space(c, p->e, k->s) || (k->s - p->e == 2 && c->t[p->e] == ',')))
			any = c->veto[t] = true;
		/* after batch 37: the rest of the list ("twee goudvissen, Jan en Piet") */
		else if (k->cap && !k->first && t >= 2 && c->veto[t - 2] && c->tok[t - 2].sent == k->sent && any &&
		         tok_in(c, p, (const char *const[]){"en", "of", NULL}))
			c->veto[t] = true;
		else if (k->cap && !k->first && any && c->veto[t - 1] && p->sent == k->sent && k->s - p->e == 2 &&
		         c->t[p->e] == ',')
			c->veto[t] = true; /* "drie goudvissen, Piet, Klaas en Bert" */
	}
	if (!any)
		return;
	size_t k = 0;
	for (size_t f = 0; f < c->out->n; f++) {
		const struct scan_finding *x = &c->out->v[f];
		size_t t = x->type == SCAN_NAME ? tok_first_at(c, x->start) : c->ntok;
		if (t < c->ntok && c->tok[t].s == x->start && c->veto[t] && t > 0 &&
		    ((c->tok[t - 1].e - c->tok[t - 1].s) >= 3 || (t >= 2 && c->veto[t - 2])) &&
		    !(c->tok[t - 1].flags & (W_TITLE | W_FAMILY))) {
			/* the pet's whole name, "Kat Moortje van de Vries" as found, stays out */
			for (; t < c->ntok && c->tok[t].s < x->end; t++)
				c->veto[t] = true;
			continue;
		}
		c->out->v[k++] = *x;
	}
	c->out->n = k;
}

/*
 * Wave 12: a name inside a fixed expression is nobody — "Jan en alleman",
 * "Jantje lacht, Jantje huilt", "in Jip-en-Janneketaal", "Klaas Vaak", "Jan
 * Modaal".  Read only around the names found (findings x expressions x
 * length), so text without names pays nothing.  Space and hyphen are one;
 * the end may run on into a compound ("Jip en Janneke-taal").
 */
static const char *const idioms[] = {"joost mag het weten", "jan en alleman", "jan modaal", "jan met de pet", "jan lul",
	"jan salie", "jan klaassen", "jan rap en zijn maat", "jan splinter", "jan de wandelaar", "jan publiek",
	"jan haring", "lange jan", "jantje lacht, jantje huilt", "jantje lacht jantje huilt", "jantje van leiden",
	"klaas vaak", "pietje precies", "pietje bell", "piet snot", "hans en grietje", "jip en janneke",
	"ot en sien", "jut en jul", "tante betje", "tante pos", "tom poes", "ollie b. bommel", "zwarte piet",
	"dik trom", "dikkertje dap", "japie krekel", "brave hendrik", "magere hein", "vadertje tijd",
	"moeder natuur", "koning winter", "sint maarten", "sint nicolaas", "bert en ernie", "ernie en bert",
	"kabouter plop", "pippi langkous", "tijl uilenspiegel", "jan, jans en de kinderen", "truus de mier",
	"willem wever", "meneer de uil", "ome jan", "heintje davids", NULL};

static bool idiom_at(const struct ctx *c, size_t o, const char *p)
{
	if (o > 0 && is_letter_byte(c->t, o - 1, c->len))
		return false;
	for (; *p; p++, o++) {
		if (o >= c->len)
			return false;
		char a = c->t[o], b = *p;
		if (a >= 'A' && a <= 'Z')
			a = (char)(a - 'A' + 'a');
		if (a == '-')
			a = ' ';
		if (a != b)
			return false;
	}
	return true;
}

static void drop_idiom_names(struct ctx *c)
{
	size_t k = 0;
	for (size_t f = 0; f < c->out->n; f++) {
		const struct scan_finding *x = &c->out->v[f];
		bool idiom = false;
		for (const char *const *p = idioms; x->type == SCAN_NAME && *p && !idiom; p++) {
			size_t l = strlen(*p);
			for (size_t o = x->start >= l ? x->start - l : 0; o <= x->start && !idiom; o++)
				idiom = o + l >= x->end && idiom_at(c, o, *p);
		}
		if (idiom) {
			for (size_t t = tok_first_at(c, x->start); t < c->ntok && c->tok[t].s < x->end; t++)
				c->veto[t] = true;
			continue;
		}
		c->out->v[k++] = *x;
	}
	c->out->n = k;
}

/*
 * "Bed 12 is kapot", "Kamer 12 en 14 worden geschilderd", "Box 4 van de
 * fietsenstalling": a room or bed spoken of as a place — a list of rooms,
 * or a sentence about repairs, cleaning or free beds — with no name in the
 * sentence is a hint.  Runs before health, so it links no health either.
 */
static void demote_facility_rooms(struct ctx *c)
{
	static const char *const fac[] = {"kapot", "defect", "vrij", "leeg", "schoongemaakt", "verschoond",
		"gereserveerd", "geschilderd", "gordijnen", "monteur", "fietsenstalling", "stalling", "opslag",
		"vergaderruimte", "stilteruimte", "gerenoveerd", "renovatie", "schilder", "beschikbaar",
		"verbouwd", "vergadering", "vergaderzaal", "spoedopnames", "schoonmaak", "schoon",
		/* wave 14: "de wifi in kamer 2 van het wijkgebouw", "Bed 2 van de logeerkamer moet nog opgemaakt" */
		"wifi", "wachtwoord", "wijkgebouw", "buurthuis", "logeerkamer", "linnenkamer", "opgemaakt", "opmaken",
		"training", "cursus", "secretariaat", "vrijwilligerskamer", "teamkamer",
		/* after batch 42: "Bed 1 uit de showroom is verkocht" */
		"verkocht", "showroom", "koop", "tweedehands", NULL};
	/* per sentence, made once: a counted name in it (1), and whether it
	 * speaks of a place (0 not looked yet, 1 no, 2 yes) */
	unsigned char *named = NULL, *facility = NULL;
	for (size_t f = 0; f < c->out->n; f++) {
		struct scan_finding *x = &c->out->v[f];
		if (x->type != SCAN_ROOM || x->confidence < SCAN_COUNT_CONF)
			continue;
		if (!named) {
			named = xcalloc(c->nsent, 1);
			facility = xcalloc(c->nsent, 1);
			for (size_t g = 0; g < c->out->n; g++)
				if (c->out->v[g].type == SCAN_NAME && c->out->v[g].confidence >= SCAN_COUNT_CONF)
					named[sentence_of(c, c->out->v[g].start)] = 1;
		}
		size_t s = sentence_of(c, x->start);
		if (named[s])
			continue;
		/* "Kamer 12 en 14", "bed 3 t/m 6" */
		size_t p = x->end;
		while (p < c->len && c->t[p] == ' ')
			p++;
		bool place = false;
		if (p + 3 < c->len && (strncmp(c->t + p, "en ", 3) == 0 || strncmp(c->t + p, "t/m", 3) == 0)) {
			size_t q = p + 3;
			while (q < c->len && c->t[q] == ' ')
				q++;
			place = q < c->len && c->t[q] >= '0' && c->t[q] <= '9';
		}
		if (!place && !facility[s]) {
			facility[s] = 1;
			for (size_t t = tok_first_at(c, c->sent_at[s]); t < c->ntok && c->tok[t].sent == s; t++) {
				char w[24];
				size_t l = c->tok[t].e - c->tok[t].s;
				if (l < 4 || l >= sizeof w)
					continue;
				memcpy(w, c->lt + c->tok[t].s, l);
				w[l] = '\0';
				if (in_list(w, fac)) {
					facility[s] = 2;
					break;
				}
			}
		}
		if (place || facility[s] == 2)
			x->confidence = 0.4;
	}
	free(named);
	free(facility);
}

/* Function words the health model never reads (see health_tagger). */
static const char *const hstop[] = {"zijn", "haar", "hun", "hem", "hij", "zij", "wij", "jij", "jou", "jouw",
	"mijn", "onze", "deze", "dit", "dat", "die", "een", "het", "niet", "nog", "ook", "maar", "meer", "heel",
	"wel", "geen", "alle", "elke", "ieder", "iedere", "iets", "niets", "alles", "veel", "zelf", "zo'n",
	"naar", "over", "voor", "door", "met", "uit", "tot", "tegen", "tussen", "onder", "boven", "achter",
	"naast", "sinds", "tijdens", "omdat", "want", "dus", "toen", "als", "dan", "wanneer", "waar", "wie",
	"wat", "hoe", "waarom", "toch", "even", "echt", "gewoon", "helemaal", "altijd", "nooit", "soms", "vaak",
	"steeds", "heeft", "hebben", "hadden", "worden", "waren", "kunnen", "moest", "moeten", "mocht", "wilde",
	"zou", "zouden", "gaat", "ging", "komt", "kwam", "zegt", "zei", "dacht", "denk", "vind", "vond",
	"ander", "andere", "doet", "deed", "doen", "hier", "daar", "erg", "beetje", "allemaal", "iemand",
	"niemand", "elkaar", "ons", "jullie", "haha", "laat", "te", "geboren", NULL};
/* wave 15: how staff behaved, in a complaint or praise ("Annemarie was
 * onvriendelijk en kwam te laat"): manners, never health, at any length */
static const char *const manners[] = {"vriendelijk", "onvriendelijk", "beleefd", "onbeleefd", "brutaal",
	"kortaf", "arrogant", "ongeduldig", "geduldig", "grof", "respectloos", "aardig", "onaardig", "behulpzaam",
	"onbehulpzaam", "onverschillig", "nors", "lomp", "professioneel", "onprofessioneel", "attent", "hartelijk",
	"vriendelijke", "onvriendelijke", "onbeschoft", "ongeïnteresseerd", NULL};

struct sentinfo {
	bool name, room, ref;
	bool anyone;  /* a title for anyone in it ("een bewoner", "elke cliënt") */
	bool pron;           /* a pronoun in it: "hij", "haar" */
	size_t first, ntok;  /* first token and number of tokens */
};

static void health_tagger(struct ctx *c, const struct sentinfo *si, size_t hstart);
static int number_word(const char *w, size_t n);

/*
 * After batch 28: is sentence s written in English?  The two models learned
 * Dutch; in an English sentence they took ordinary capitalised words for
 * names ("Every even-numbered version", "Linux commands") and ordinary
 * words for health ("following"), and an app's English test post was
 * refused.  Such a sentence is left to the rules (name lists, titles,
 * patterns).  English: at least two of its short function words, and more
 * than twice as many as Dutch ones ("it", "as" and "a" are Frisian too).
 */
static bool english_sent(struct ctx *c, size_t s)
{
	if (!c->english) {
		c->english = xcalloc(c->nsent ? c->nsent : 1, 1);
		int *n = xcalloc(c->nsent ? 2 * c->nsent : 2, sizeof *n);
		for (size_t i = 0; i < c->ntok; i++) {
			const struct tok *k = &c->tok[i];
			n[2 * k->sent] += (k->flags & W_ENFN) != 0;
			n[2 * k->sent + 1] += (k->flags & W_NLFN) != 0;
		}
		for (size_t j = 0; j < c->nsent; j++)
			c->english[j] = n[2 * j] >= 2 && n[2 * j] > 2 * n[2 * j + 1] ? 1 : 2;
		free(n);
	}
	return c->english[s] == 1;
}

/*
 * wave 15: a count of days sober, "100 dagen nuchter", "drie maanden
 * droog", "een jaar clean": recovery from an addiction, told by the one who
 * lives it (or of a relative named with it).  The state's token, or NONE.
 */
static size_t recovery_count(const struct ctx *c, size_t i, size_t *from)
{
	static const char *const units[] = {"dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren",
		NULL};
	static const char *const states[] = {"clean", "nuchter", "droog", "alcoholvrij", "drugsvrij", "gokvrij",
		"sober", "gebruiksvrij", "middelenvrij", NULL};
	const struct tok *k = &c->tok[i];
	char f0 = (char)(c->t[k->s] | 0x20); /* every unit starts with d, w, m or j: most words stop here */
	if (k->e - k->s < 3 || k->e - k->s > 7 || i + 1 >= c->ntok || (f0 != 'd' && f0 != 'w' && f0 != 'm' && f0 != 'j') ||
	    !tok_in(c, k, units))
		return NONE;
	/* the count: digits right before the unit ("100 dagen"), or a number word */
	size_t p = k->s;
	while (p > 0 && c->t[p - 1] == ' ')
		p--;
	bool num = p < k->s && p > 0 && c->t[p - 1] >= '0' && c->t[p - 1] <= '9';
	*from = p;
	while (*from > 0 && c->t[*from - 1] >= '0' && c->t[*from - 1] <= '9')
		(*from)--;
	if (!num && i > 0 && c->tok[i - 1].sent == k->sent && c->tok[i - 1].e - c->tok[i - 1].s <= 16) {
		const struct tok *w = &c->tok[i - 1];
		char low[17];
		memcpy(low, c->lt + w->s, w->e - w->s);
		num = number_word(low, w->e - w->s) > 0 || (w->e - w->s == 4 && memcmp(low, "paar", 4) == 0) ||
		      (w->e - w->s == 7 && memcmp(low, "honderd", 7) == 0);
		*from = w->s;
	}
	if (!num)
		return NONE;
	size_t d = i + 1;
	if (d + 1 < c->ntok && tok_in(c, &c->tok[d], (const char *const[]){"al", "nu", NULL}))
		d++;
	/* after batch 30: "vandaag 1 jaar geen zelfbeschadiging", "100 dagen
	 * zonder alcohol": what was given up, after geen/zonder */
	static const char *const given_up[] = {"zelfbeschadiging", "zelfverwonding", "automutilatie", "alcohol",
		"drank", "drugs", "coke", "cocaïne", "heroïne", "wiet", "blowen", "gokken", "roken", "sigaret",
		"terugval", "terugvallen", "paniekaanval", "paniekaanvallen", "eetbui", "eetbuien", "psychose",
		"opname", "insult", "aanval", "aanvallen", "crisis", "snijden", "overgeven", "braken", "gebruik", NULL};
	if (c->tok[d].sent == k->sent && d + 1 < c->ntok && c->tok[d + 1].sent == k->sent &&
	    tok_in(c, &c->tok[d], (const char *const[]){"geen", "zonder", NULL})) {
		char g[24]; /* tok_in reads words up to 15 bytes: "zelfbeschadiging" is 16 */
		size_t gl = c->tok[d + 1].e - c->tok[d + 1].s;
		if (gl < sizeof g) {
			memcpy(g, c->lt + c->tok[d + 1].s, gl);
			g[gl] = '\0';
			if (in_list(g, given_up))
				return d + 1;
		}
	}
	if (c->tok[d].sent != k->sent || !tok_in(c, &c->tok[d], states))
		return NONE;
	/* "Het is al drie maanden droog": the weather */
	if (c->tok[d].e - c->tok[d].s == 5 && memcmp(c->lt + c->tok[d].s, "droog", 5) == 0)
		for (size_t b = i; b-- > 0 && b + 5 >= i && c->tok[b].sent == k->sent;)
			if (c->tok[b].e - c->tok[b].s == 3 && memcmp(c->lt + c->tok[b].s, "het", 3) == 0)
				return NONE;
	return d;
}

/*
 * wave 13: a person in hospital: "ligt (sinds zaterdag) in het ziekenhuis",
 * "is opgenomen in het hospice", "belandde op de IC".  From a lying or
 * admitting verb at i to the place within six words; the place's token, or
 * NONE.  ("werkt in het ziekenhuis" is no such verb.)
 */
static size_t admitted(const struct ctx *c, size_t i)
{
	static const char *const verbs[] = {"ligt", "lag", "liggen", "lagen", "opgenomen", "beland", "belandde",
		"belandt", "overgeplaatst", "leit", "lei", NULL}; /* wave 14: Frisian "leit yn it sikehûs" */
	static const char *const places[] = {"ziekenhuis", "hospice", "ic", "intensive", "revalidatiecentrum",
		"kliniek", "psychiatrie", "ggz", "seh", "spoedeisende", "ziekenhuisbed", "umc", "isolatie",
		"crisisopvang", "afkickkliniek", "kinderafdeling", "hartbewaking", "ccu", "mcu", "nicu", "sikehûs",
		"sikehus", "gasthuis", "hic", "paaz", "ggz-kliniek", "crisisafdeling", NULL}; /* wave 15: "ligt nu op de HIC" */
	const struct tok *k = &c->tok[i];
	size_t kl = k->e - k->s;
	/* after batch 30: the place first, as a clause has it ("dat Toos in het
	 * hospice ligt"), and just out of it ("Ze is net uit het ziekenhuis",
	 * "sinds haar ontslag uit het ziekenhuis") */
	if ((kl == 2 || kl == 3) && tok_in(c, k, (const char *const[]){"in", "op", "uit", NULL})) {
		size_t d = i + 1;
		if (d < c->ntok && c->tok[d].sent == k->sent && tok_in(c, &c->tok[d], (const char *const[]){"het", "de", NULL}))
			d++;
		if (d >= c->ntok || c->tok[d].sent != k->sent || !tok_in(c, &c->tok[d], places))
			return NONE;
		if (kl == 3 && (c->t[k->s] | 0x20) == 'u')
			return i > 0 && c->tok[i - 1].sent == k->sent &&
			               tok_in(c, &c->tok[i - 1], (const char *const[]){"net", "pas", "ontslag", "ontslagen",
			                                                               "terug", "thuis", NULL})
			           ? d
			           : NONE;
		if (d + 1 < c->ntok && c->tok[d + 1].sent == k->sent && tok_in(c, &c->tok[d + 1], verbs))
			return d + 1;
		return NONE;
	}
	if (kl < 3 || kl > 14 || !tok_in(c, k, verbs))
		return NONE;
	for (size_t d = i + 1; d < c->ntok && d <= i + 6 && c->tok[d].sent == k->sent; d++)
		if (tok_in(c, &c->tok[d], places))
			return d;
	return NONE;
}

/* "ik word ziek van die roosters", "daar word je misselijk van", "ziek van
 * dat gedoe": the idiom of being fed up, at the medical word i */
static bool fed_up(const struct ctx *c, size_t i)
{
	static const char *const ill[] = {"ziek", "misselijk", "kotsmisselijk", "doodziek", NULL};
	/* after batch 34: "als ik iets opsla krijg ik een hartverzakking", "ik
	 * krijg er hoofdpijn van": the present tense of a shock is a figure */
	static const char *const shock[] = {"hartverzakking", "hartaanval", "rolberoerte", "beroerte", "hoofdpijn",
		"zenuwinzinking", "burn-out", "maagzweer",
		/* after batch 40: "ik krijg er gewoon buikpijn van" */
		"buikpijn", "maagpijn", "jeuk", "uitslag", "hartkloppingen", "koppijn",
		/* wave 26 (batch 115): "dat hij 'er een hernia van krijgt'" */
		"hernia", NULL};
	static const char *const gets[] = {"krijg", "krijgt", "krijgen", NULL};
	size_t s = c->tok[i].sent;
	if (tok_in(c, &c->tok[i], shock)) {
		bool get = false, there = false;
		/* (wave 26: up to five words between, "ik krijg er nog eens een
		 * hartaanval van") */
		for (size_t b = i; b-- > 0 && b + 6 > i && c->tok[b].sent == s;) {
			get |= tok_in(c, &c->tok[b], gets);
			there |= tok_in(c, &c->tok[b], (const char *const[]){"er", "daar", "d'r", NULL});
		}
		/* ("er een hernia van krijgt": the verb after) */
		get |= there && i + 2 < c->ntok && c->tok[i + 2].sent == s &&
		       tok_in(c, &c->tok[i + 1], (const char *const[]){"van", NULL}) && tok_in(c, &c->tok[i + 2], gets);
		/* a sudden one at once ("krijg ik een hartverzakking"); a lasting
		 * one only from something ("ik krijg er hoofdpijn van") */
		size_t l = c->tok[i].e - c->tok[i].s;
		bool sudden = l >= 10 && (!memcmp(c->lt + c->tok[i].s, "hartverzakking", 14) ||
		                          !memcmp(c->lt + c->tok[i].s, "rolberoerte", 11) ||
		                          !memcmp(c->lt + c->tok[i].s, "hartaanval", 10));
		/* wave 20: "Daar krijg ik nou hoofdpijn van: weer een formulier" */
		there |= i + 1 < c->ntok && c->tok[i + 1].sent == s &&
		         tok_in(c, &c->tok[i + 1], (const char *const[]){"van", NULL});
		return get && (sudden || there);
	}
	if (!tok_in(c, &c->tok[i], ill))
		return false;
	bool become = false; /* "word", "wordt" within two words before */
	for (size_t b = i; b-- > 0 && b + 3 > i && c->tok[b].sent == s;)
		become |= tok_in(c, &c->tok[b], (const char *const[]){"word", "wordt", "werd", NULL});
	if (i + 1 >= c->ntok || c->tok[i + 1].sent != s || !tok_in(c, &c->tok[i + 1], (const char *const[]){"van", NULL}))
		return false;
	return become || (i + 2 < c->ntok && c->tok[i + 2].sent == s &&
	                  tok_in(c, &c->tok[i + 2], (const char *const[]){"die", "dat", "deze", "dit", "al", "jou",
	                                                                  "jullie", "hem", "zoveel", "zulke", NULL}));
}

/* "een cliënt", "elke bewoner", "zo'n patiënt": the title at i is anyone's */
static bool any_one(const struct ctx *c, size_t i)
{
	static const char *const anyone[] = {"een", "elke", "iedere", "ieder", "geen", "welke", "zo'n", "elk",
		"alle", "sommige", "andere", NULL};
	return i > 0 && c->tok[i - 1].sent == c->tok[i].sent && tok_in(c, &c->tok[i - 1], anyone);
}

/* A token of pictographs only (emoji, dingbats: four-byte sequences and
 * the U+2xxx symbols), which the tokenizer reads as letters. */
static bool symbol_tok(const struct ctx *c, const struct tok *k)
{
	for (size_t i = k->s; i < k->e; i++) {
		unsigned char b = (unsigned char)c->t[i];
		if (b < 0x80 || (b >= 0xC0 && b < 0xE2) || (b > 0xE2 && b < 0xF0))
			return false; /* ASCII, a two-byte letter, CJK and the rest */
	}
	return true;
}

static void scan_health(struct ctx *c)
{
	struct sentinfo *si = xcalloc(c->nsent, sizeof *si);
	for (size_t i = c->ntok; i-- > 0;) {
		si[c->tok[i].sent].first = i;
		si[c->tok[i].sent].ntok++;
	}
	for (size_t f = 0; f < c->out->n; f++) {
		const struct scan_finding *x = &c->out->v[f];
		size_t s = sentence_of(c, x->start);
		if (x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF)
			si[s].name = true;
		else if (x->type == SCAN_ROOM && x->confidence >= SCAN_COUNT_CONF)
			si[s].room = true;
	}
	/* person references: "mijn moeder", "ik heb", "de 84-jarige" */
	for (size_t i = 0; i + 1 < c->ntok; i++) {
		const struct tok *k = &c->tok[i], *n = &c->tok[i + 1];
		if (n->sent != k->sent)
			continue;
		/* wave 13: "mijn eigen vader" */
		if ((k->flags & W_POSS) && n->e - n->s == 5 && memcmp(c->lt + n->s, "eigen", 5) == 0 &&
		    i + 2 < c->ntok && c->tok[i + 2].sent == k->sent && (c->tok[i + 2].flags & W_FAMILY))
			si[k->sent].ref = true;
		if (((k->flags & W_POSS) && (n->flags & W_FAMILY)) ||
		    (k->e - k->s <= 2 && (n->flags & W_IKVERB) &&
		     ((k->e - k->s == 2 && (c->t[k->s] | 0x20) == 'i' && (c->t[k->s + 1] | 0x20) == 'k') ||
		      (k->e - k->s == 1 && c->t[k->s] == 'I'))))
			si[k->sent].ref = true;
		/* after batch 27: the verb before "ik" ("Intussen word ik elke ochtend
		 * wakker met paniekaanvallen", "mag ik vandaag de bel luiden") */
		if ((k->flags & W_IKVERB) && n->e - n->s == 2 && (c->t[n->s] | 0x20) == 'i' &&
		    (c->t[n->s + 1] | 0x20) == 'k' && !(k->e - k->s == 4 && memcmp(c->lt + k->s, "moet", 4) == 0))
			si[k->sent].ref = true;
		/* after batch 39: "ik" left out ("Ben 67, ... herstellende van darmkanker") */
		if (ikless_start(c, i))
			si[k->sent].ref = true;
		if (n->e - n->s >= 6 && memcmp(c->t + n->e - 6, "jarige", 6) == 0 && n->s > 0 &&
		    c->t[n->s - 1] == '-' && n->s > 1 && c->t[n->s - 2] >= '0' && c->t[n->s - 2] <= '9')
			si[n->sent].ref = true;
	}
	/* "Pap heeft weer een hartinfarct gehad.", "Mama ligt op bed": a family
	 * word as the subject is the writer's own relative */
	for (size_t i = 0; i + 1 < c->ntok; i++)
		if (c->tok[i].first && c->tok[i].cap && (c->tok[i].flags & W_FAMILY) &&
		    c->tok[i].e - c->tok[i].s <= 4 && c->tok[i + 1].sent == c->tok[i].sent &&
		    !c->tok[i + 1].cap)
			si[c->tok[i].sent].ref = true;
	/* wave 13: "Pa's uitslag was niet goed": a family word's possessive
	 * opening the sentence before a noun ("baby's", "oma's" are plurals too:
	 * "Slapen bij baby's", "Opa's en oma's zijn welkom") */
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		size_t kl = k->e - k->s;
		if (!k->first || i + 1 >= c->ntok || c->tok[i + 1].sent != k->sent || c->tok[i + 1].cap)
			continue;
		static const char *const plural_next[] = {"en", "of", "zijn", "worden", "kunnen", "mogen", "die",
			"met", "in", "uit", "van", "hebben", "krijgen", "blijven", "moeten", "willen", "gaan", "komen",
			"zitten", "uit", "voor", "op", "aan", "bij", NULL};
		if (tok_in(c, &c->tok[i + 1], plural_next))
			continue;
		/* the tokenizer may keep "pa's" as one word */
		if (kl > 2 && kl < 16 && c->t[k->e - 2] == '\'' && c->t[k->e - 1] == 's' &&
		    (lookup(c->t + k->s, kl - 2) & W_FAMILY)) {
			si[k->sent].ref = true;
			continue;
		}
		if (!(k->flags & W_FAMILY) || k->e + 2 > c->len)
			continue;
		size_t p = k->e;
		if (c->t[p] == '\'' && c->t[p + 1] == 's' && (p + 2 >= c->len || !is_letter_byte(c->t, p + 2, c->len)))
			si[k->sent].ref = true;
		else if (p + 4 <= c->len && memcmp(c->t + p, "\xE2\x80\x99s", 4) == 0 &&
		         (p + 4 >= c->len || !is_letter_byte(c->t, p + 4, c->len)))
			si[k->sent].ref = true;
	}
	/* "Schoonmoeder heeft Parkinson.", "Broer van me (42) heeft NAH": a family
	 * word of any length opening the sentence as its subject, before a
	 * person's verb or "van me" */
	for (size_t i = 0; i + 1 < c->ntok; i++) {
		const struct tok *k = &c->tok[i], *n = &c->tok[i + 1];
		/* wave 15: "pap is vannacht overleden" (lower case) */
		if (!k->first || !(k->flags & W_FAMILY) || n->sent != k->sent || n->cap)
			continue;
		static const char *const fverbs[] = {"heeft", "is", "zit", "ligt", "krijgt", "kreeg", "had", "was",
			"wordt", "werd", "slikt", "gebruikt", "moet", "van",
			/* after batch 30: a note's time before the participle ("opa vannacht
			 * overleden", "pa gisteren gevallen") */
			"vannacht", "vandaag", "gisteren", "gister", "net", "zojuist", "vanmorgen", "vanochtend",
			"vanmiddag", "vanavond", "eindelijk",
			/* "pa gevallen, SEH Gorinchem" */
			"gevallen", "opgenomen", "overleden", "geopereerd", "gestorven", "flauwgevallen", NULL};
		char w[16];
		size_t nl = n->e - n->s;
		if (nl >= sizeof w)
			continue;
		memcpy(w, c->lt + n->s, nl);
		w[nl] = '\0';
		if (in_list(w, fverbs))
			si[k->sent].ref = true;
	}
	/* after batch 30 (labelling rule 6): a staff member's own health, the
	 * staff name as the subject right before a person's verb ("Mijn collega
	 * Priscilla heeft corona", "collega Johan Bakx is zondag plotseling
	 * overleden", "Collega Bas van de wagen is ... ingestort"); what staff do
	 * ("dokter Jansen gaf haar een recept") is not theirs */
	for (size_t f = 0, t = 0; f < c->out->n; f++) {
		const struct scan_finding *x = &c->out->v[f];
		if (x->type != SCAN_NAME || x->confidence != STAFF_CONF)
			continue;
		while (t < c->ntok && c->tok[t].s < x->end)
			t++;
		/* a colleague, not a professional in their role ("fysiotherapeut
		 * Karin heeft de master ... afgerond") */
		static const char *const mates[] = {"collega", "collegaatje", "oud-collega", "teamgenoot",
			"teamgenote", "maatje", "collega's", NULL};
		size_t b = tok_first_at(c, x->start);
		if (b == 0 || b >= c->ntok || !tok_in(c, &c->tok[b - 1], mates))
			continue;
		size_t v = t;
		/* "collega Bert afgelopen zaterdag onverwacht is overleden", "Collega
		 * Bas van de wagen is ...": up to four lower-case words (when, how,
		 * where they work) before the verb */
		static const char *const sverbs[] = {"heeft", "is", "zit", "ligt", "kreeg", "had", "was", "werd",
			"wordt", "lag", "zat", NULL};
		for (size_t w = t; w < c->ntok && w < t + 5 && c->tok[w].sent == c->tok[t].sent; w++) {
			if (tok_in(c, &c->tok[w], sverbs)) {
				v = w;
				break;
			}
			if (c->tok[w].cap && !(c->tok[w].flags & W_NONAME))
				break;
		}
		if (v < c->ntok && c->tok[v].sent == sentence_of(c, x->start) && tok_in(c, &c->tok[v], sverbs))
			si[c->tok[v].sent].ref = true;
	}
	/* wave 15: "Sinds mam niet meer weet hoe ...": what a child calls a parent
	 * names that parent anywhere in the sentence */
	for (size_t i = 0; i < c->ntok; i++) {
		static const char *const parent[] = {"mam", "pap", "mama", "papa", "mams", "paps", "mammie", "pappie",
			"moeke", "vake", "heit", "mem", NULL};
		size_t kl = c->tok[i].e - c->tok[i].s;
		if (kl >= 3 && kl <= 6 && (c->tok[i].flags & W_FAMILY) && tok_in(c, &c->tok[i], parent))
			si[c->tok[i].sent].ref = true;
	}
	/* a title makes a person ("de bewoner", "mevrouw"); "familie" alone is
	 * anyone's; after batch 30, so is "een cliënt", "elke bewoner" ("Zet nooit
	 * de diagnose van een cliënt in de teamapp") */
	for (size_t i = 0; i < c->ntok; i++)
		if ((c->tok[i].flags & W_TITLE) && !(c->tok[i].flags & W_ROLE) && c->tok[i].e - c->tok[i].s >= 6 &&
		    !(c->tok[i].e - c->tok[i].s == 7 && memcmp(c->lt + c->tok[i].s, "familie", 7) == 0) &&
		    !any_one(c, i))
			si[c->tok[i].sent].ref = true;
		else if ((c->tok[i].flags & W_TITLE) && !(c->tok[i].flags & W_ROLE) && any_one(c, i))
			si[c->tok[i].sent].anyone = true;
	/* "Mevrouw Jansen viel gisteren. Ze heeft een heupfractuur." or a short
	 * note after it such as "Diagnose: longontsteking.": a sentence that
	 * speaks of him or her (a pronoun anywhere in it), or a short one,
	 * continues the person of the sentence before, along a chain of them. */
	for (size_t i = 0; i < c->ntok; i++)
		if ((c->tok[i].flags & W_PRONOUN) && !(c->tok[i].flags & W_POSS && i + 1 < c->ntok &&
		                                       c->tok[i + 1].sent == c->tok[i].sent &&
		                                       (c->tok[i + 1].flags & W_FAMILY)))
			si[c->tok[i].sent].pron = true;
	for (size_t s = 1; s < c->nsent; s++) {
		/* "De dokter denkt aan een blaasontsteking.", "Volgens de arts is het een delier.":
		 * a sentence about the diagnosis goes on about the person before it (looked
		 * for only after a sentence with a person, so general text pays nothing) */
		if (si[s].ntok && !si[s].pron && si[s].ntok > 5 && (si[s - 1].name || si[s - 1].room || si[s - 1].ref)) {
			static const char *const dx[] = {"dokter", "arts", "huisarts", "specialist", "uitslag",
				"diagnose", "neuroloog", "cardioloog", "geriater", "psychiater", "longarts", "oncoloog",
				"internist", "chirurg", "uitslagen", "onderzoek", "scan", "biopt", "doktoren", "artsen",
				/* wave 6: who else names it ("De crisisdienst is geweest en zegt psychotisch.") */
				"crisisdienst", "huisartsenpost", "ambulance", "psycholoog", "kinderarts", "poli",
				"vastgesteld", "geconstateerd", "verpleegkundige", NULL};
			for (size_t i = si[s].first; i < si[s].first + si[s].ntok && !si[s].pron; i++) {
				const struct tok *k = &c->tok[i];
				size_t len = k->e - k->s;
				char w[16];
				if (len < 4 || len >= sizeof w)
					continue;
				memcpy(w, c->lt + k->s, len);
				w[len] = '\0';
				si[s].pron = in_list(w, dx);
			}
		}
		/* "De psychose komt terug denk ik.", "Die longontsteking is nog niet weg.":
		 * a definite article before a condition points back to the person the
		 * text was about (only tried after such a sentence) */
		if (si[s].ntok >= 2 && !si[s].pron && (si[s - 1].name || si[s - 1].room || si[s - 1].ref)) {
			const struct tok *k = &c->tok[si[s].first];
			size_t len = k->e - k->s, last;
			static const char *const defs[] = {"de", "het", "die", "dat", "deze", "dit", NULL};
			char w[8];
			if (len < sizeof w) {
				memcpy(w, c->lt + k->s, len);
				w[len] = '\0';
				si[s].pron = in_list(w, defs) && medical_token(c, si[s].first + 1, &last);
			}
		}
		if (si[s].ntok && ((c->tok[si[s].first].flags & W_PRONOUN) || si[s].pron || si[s].ntok <= 5)) {
			si[s].name |= si[s - 1].name;
			si[s].room |= si[s - 1].room;
			si[s].ref |= si[s - 1].ref;
		}
	}
	/* Person context first: general text never pays for the medical lookups. */
	size_t hstart = c->out->n; /* the rules' health findings follow, in text order */
	for (size_t i = 0; i < c->ntok; i++) {
		size_t s = c->tok[i].sent;
		struct sentinfo cur = si[s];
		/* "mijn depressie", "haar diabetes": a possessive makes it about a
		 * person; after batch 36, not "zijn" of anyone ("Stel: een bewoner
		 * weigert zijn medicatie") */
		if (i > 0 && c->tok[i - 1].sent == s && (c->tok[i - 1].flags & W_POSS) &&
		    !(cur.anyone && !cur.name && !cur.room && !cur.ref &&
		      tok_in(c, &c->tok[i - 1], (const char *const[]){"zijn", "haar", "z'n", "zn", "hun", NULL})))
			cur.ref = true;
		size_t last;
		size_t from;
		if ((last = recovery_count(c, i, &from)) != NONE) {
			add_finding(c, SCAN_HEALTH, from, c->tok[last].e, 0.6);
			i = last;
			continue;
		}
		if (!(cur.name || cur.room || cur.ref))
			continue;
		bool link = cur.name || cur.room;
		if (!medical_token(c, i, &last)) {
			/* wave 13: "ligt sinds zaterdag in het ziekenhuis", "is opgenomen in het hospice" */
			last = admitted(c, i);
			if (last == NONE)
				continue;
			add_finding(c, SCAN_HEALTH, c->tok[i].s, c->tok[last].e, 0.6);
			i = last;
			continue;
		}
		/* after batch 28: the device itself, named ("Onze tillift heet Bertha
		 * en ze heeft een nieuwe accu"): a thing, no one's aid */
		if (last == i && thing_word(c, &c->tok[i])) {
			bool named = false;
			for (size_t d = i + 1; d < c->ntok && d <= i + 3 && c->tok[d].sent == s && !named; d++)
				named = c->tok[d].cap && c->veto[d];
			if (named)
				continue;
		}
		/* after batch 31: "Ik word echt ziek van die nieuwe roosters": fed up, not ill */
		if (last == i && fed_up(c, i))
			continue;
		size_t ve = last == i ? vital_end(c, i) : 0;
		add_finding(c, SCAN_HEALTH, c->tok[i].s, ve > c->tok[last].e ? ve : c->tok[last].e,
		            link ? HEALTH_LINKED_CONF : 0.6);
		i = last;
	}
	health_tagger(c, si, hstart);
	free(si);
}

/* ------------------------------------------------ the learned name tagger */

static int32_t *model_w;      /* SCAN_MODEL_SIZE weights ×1000, or NULL: tagger off */
static int32_t model_t;       /* score above which a token is a name */
static int32_t model_low;     /* score below which a weak rule name is demoted */
/* the health model (see health_tagger) */
static int32_t *hmodel_w;     /* SCAN_MODEL_SIZE weights ×1000, or NULL: off */
static int32_t hmodel_t;      /* score above which a word is health */
static int32_t hmodel_low;    /* score below which a rule health finding is demoted */
#ifndef HMODEL_SOLO_MARGIN
#define HMODEL_SOLO_MARGIN 1500       /* more, ×1000, for a post's only health word */
#endif
#ifndef HMODEL_NEAR_MARGIN
#define HMODEL_NEAR_MARGIN 3000       /* more, ×1000, for a word in a sentence with no person of its own */
#endif

/* The first token starting at or after off (tokens are in text order). */
static size_t tok_first_at(const struct ctx *c, size_t off)
{
	size_t lo = 0, hi = c->ntok;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->tok[mid].s < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A feature's index: FNV-1a over its tag, a separator byte and its value.
 * feat_tag is the tag part, so a caller with a fixed tag can hash it once. */
static uint64_t feat_tag(const char *tag)
{
	uint64_t h = hash_bytes(tag, strlen(tag));
	h ^= 0x9e;
	h *= 1099511628211ULL;
	return h;
}

static uint32_t feat_value(uint64_t h, const char *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)v[i];
		h *= 1099511628211ULL;
	}
	return (uint32_t)(h ^ (h >> 29)) & (SCAN_MODEL_SIZE - 1);
}

static uint32_t feat(const char *tag, const char *v, size_t n)
{
	return feat_value(feat_tag(tag), v, n);
}

static char tok_shape(const struct ctx *c, const struct tok *k)
{
	if (k->acronym)
		return 'A';
	if (k->cap)
		return 'C';
	return (c->t[k->s] >= 'a' && c->t[k->s] <= 'z') || (unsigned char)c->t[k->s] >= 0xC3 ? 'l' : 'x';
}

static char punct_between(const struct ctx *c, size_t a, size_t b)
{
	for (size_t p = a; p < b; p++)
		if (c->t[p] != ' ')
			return c->t[p] == '\n' ? 'n' : (strchr(",(:#.)!?\"-'", c->t[p]) ? c->t[p] : '9');
	return a == b ? '_' : ' ';
}

static const struct {
	uint32_t flag;
	const char *name;
} flag_names[] = {
	{W_FIRST, "first"}, {W_SUR, "sur"}, {W_AMBIG, "ambig"}, {W_MED, "med"}, {W_TITLE, "title"},
	{W_PREFIX, "prefix"}, {W_NONAME, "noname"}, {W_ORG, "org"}, {W_ROLE, "role"},
	{W_GREET, "greet"}, {W_PRONOUN, "pron"}, {W_NAMEVERB, "namev"}, {W_PUBLIC, "public"},
	{W_DEPT, "dept"}, {W_FAMILY, "family"}, {W_POSS, "poss"}, {W_IKVERB, "ikverb"},
	{W_STREETHEAD, "street"}, {W_PUBCTX, "pubctx"}, {W_PROPER, "proper"}, {W_LEX, "lex"},
};

enum { NFLAGNAME = sizeof flag_names / sizeof flag_names[0] };

/* The tags tok_features gives flag features, and every (tag, flag) feature
 * made once by feat_init: the tagger asks for them on every token it scores. */
enum { FT_FL, FT_CFL, FT_PREV, FT_NEXT, FT_N };
static const char *const flag_tags[FT_N] = {"fl", "cfl", "f1", "f3"};
static uint32_t flag_feat[FT_N][NFLAGNAME];
static uint32_t flag_names_mask; /* the flags of flag_names, or'ed */
static unsigned char flag_index[32]; /* a flag's bit -> its place in flag_names */
/* the fixed-tag features and tag hashes of tok_features */
static uint32_t feat_b, feat_start;
static uint64_t tagh_w, tagh_s3, tagh_s4, tagh_s2, tagh_p2, tagh_sh, tagh_shf, tagh_shl, tagh_unlisted, tagh_unknown,
	tagh_foreign;
static uint64_t tagh_near[5], tagh_combo[5], tagh_shape[5], tagh_punct[5];

static void feat_init(void)
{
	for (int t = 0; t < FT_N; t++)
		for (size_t i = 0; i < NFLAGNAME; i++)
			flag_feat[t][i] = feat(flag_tags[t], flag_names[i].name, strlen(flag_names[i].name));
	for (size_t i = 0; i < NFLAGNAME; i++) {
		/* add_flag_feats walks the bits upwards and must meet them in this order */
		if (i > 0 && flag_names[i].flag <= flag_names[i - 1].flag)
			abort();
		flag_names_mask |= flag_names[i].flag;
		flag_index[__builtin_ctz(flag_names[i].flag)] = (unsigned char)i;
	}
	feat_b = feat("b", "", 0);
	feat_start = feat("start", "", 0);
	tagh_w = feat_tag("w");
	tagh_s3 = feat_tag("s3");
	tagh_s4 = feat_tag("s4");
	tagh_s2 = feat_tag("s2");
	tagh_p2 = feat_tag("p2");
	tagh_sh = feat_tag("sh");
	tagh_shf = feat_tag("shf");
	tagh_shl = feat_tag("shl");
	tagh_unlisted = feat_tag("unlisted");
	tagh_unknown = feat_tag("unknown");
	tagh_foreign = feat_tag("foreign");
	for (int d = 0; d < 5; d++) {
		/* "w0".."w4" for the neighbours at -2..+2, "x", "s", "p" for the next ones */
		char tag[3] = {'w', (char)('0' + d), '\0'};
		tagh_near[d] = feat_tag(tag);
		tag[0] = 'x';
		tagh_combo[d] = feat_tag(tag);
		tag[0] = 's';
		tagh_shape[d] = feat_tag(tag);
		tag[0] = 'p';
		tagh_punct[d] = feat_tag(tag);
	}
}

static size_t add_flags(uint32_t *f, size_t n, const char *tag, uint32_t flags)
{
	for (size_t i = 0; i < NFLAGNAME && n < SCAN_FEAT_MAX; i++)
		if (flags & flag_names[i].flag)
			f[n++] = feat(tag, flag_names[i].name, strlen(flag_names[i].name));
	return n;
}

/* add_flags for the tags of flag_tags, from the table; the flags (one bit
 * each) are cleared as they are added, so the loop ends at the last one the
 * token has instead of trying all twenty */
static size_t add_flag_feats(uint32_t *f, size_t n, int tag, uint32_t flags)
{
	/* the set bits, lowest first: flag_names is in the order of its bits */
	for (flags &= flag_names_mask; flags && n < SCAN_FEAT_MAX; flags &= flags - 1)
		f[n++] = flag_feat[tag][flag_index[__builtin_ctz(flags)]];
	return n;
}

/* The features of token i: what the tagger weighs. */
/*
 * Letters Dutch does not write: Latin Extended-A (ł ń ś ż ć ą ę ş ğ ı ő ű ř
 * č š ž, not the ligature ĳ), Romanian ș ț, and ñ ã õ.  Names from Poland,
 * Turkey, the Balkans, Spain and Portugal have them; Dutch words do not.
 */
static bool foreign_letters(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1];
		if (((a == 0xC4 && b != 0xB2 && b != 0xB3) || a == 0xC5) && b >= 0x80 && b <= 0xBF)
			return true;
		if (a == 0xC8 && b >= 0x98 && b <= 0x9B)
			return true;
		if (a == 0xC3 && (b == 0xB1 || b == 0xA3 || b == 0xB5))
			return true;
	}
	return false;
}

static size_t tok_features(const struct ctx *c, size_t i, uint32_t *f)
{
	const struct tok *k = &c->tok[i];
	char low[64], sh[4];
	size_t n = 0, len = k->e - k->s;
	if (len > sizeof low)
		len = sizeof low;
	memcpy(low, c->lt + k->s, len);
	f[n++] = feat_b;
	f[n++] = feat_value(tagh_w, low, len);
	if (len >= 3)
		f[n++] = feat_value(tagh_s3, low + len - 3, 3);
	if (len >= 5) /* "-ijke", "-ette", "-anda": endings of names */
		f[n++] = feat_value(tagh_s4, low + len - 4, 4);
	if (len >= 2) {
		f[n++] = feat_value(tagh_s2, low + len - 2, 2);
		f[n++] = feat_value(tagh_p2, low, 2);
	}
	sh[0] = tok_shape(c, k);
	sh[1] = k->first ? 'f' : 'm';
	sh[2] = k->single ? '1' : (k->e - k->s <= 3 ? '3' : '+');
	f[n++] = feat_value(tagh_sh, sh, 1);
	f[n++] = feat_value(tagh_shf, sh, 2);
	f[n++] = feat_value(tagh_shl, sh, 3);
	n = add_flag_feats(f, n, FT_FL, k->flags);
	if (k->cap)
		n = add_flag_feats(f, n, FT_CFL, k->flags & (W_FIRST | W_SUR | W_AMBIG | W_PROPER | W_NONAME | W_LEX));
	if (!(k->flags & (W_FIRST | W_SUR | W_PROPER)) && n < SCAN_FEAT_MAX)
		f[n++] = feat_value(tagh_unlisted, sh, 2);
	/* wave 12: in no list and no everyday word either ("Shurendy", "Wongsodikromo") */
	if (!(k->flags & (W_FIRST | W_SUR | W_PROPER | W_LEX)) && n < SCAN_FEAT_MAX)
		f[n++] = feat_value(tagh_unknown, sh, 2);
	/* wave 13: letters Dutch does not write ("Şükrü", "Zieliński") */
	if (foreign_letters(c->t + k->s, k->e - k->s) && n < SCAN_FEAT_MAX)
		f[n++] = feat_value(tagh_foreign, sh, 2);
	for (int d = -2; d <= 2; d++) {
		if (d == 0 || (d < 0 && (size_t)-d > i) || i + (size_t)(d > 0 ? d : 0) >= c->ntok)
			continue;
		const struct tok *o = &c->tok[i + (size_t)d];
		if (o->sent != k->sent)
			continue;
		int td = d + 2; /* the tags' digit: '0' + td */
		char ol[32];
		size_t on = o->e - o->s < sizeof ol ? o->e - o->s : sizeof ol;
		memcpy(ol, c->lt + o->s, on);
		if (n < SCAN_FEAT_MAX)
			f[n++] = feat_value(tagh_near[td], ol, on);
		if ((d == -1 || d == 1) && n + 1 < SCAN_FEAT_MAX) {
			/* the neighbour together with this token's shape: "Kofi heeft" at a
			 * sentence start is not "Morgen heeft" */
			char combo[40];
			combo[0] = sh[0];
			combo[1] = sh[1];
			size_t cn = on < sizeof combo - 2 ? on : sizeof combo - 2;
			memcpy(combo + 2, ol, cn);
			f[n++] = feat_value(tagh_combo[td], combo, cn + 2);
		}
		if (d == -1 || d == 1) {
			n = add_flag_feats(f, n, d < 0 ? FT_PREV : FT_NEXT, o->flags);
			char os[2] = {tok_shape(c, o), sh[0]};
			if (n < SCAN_FEAT_MAX)
				f[n++] = feat_value(tagh_shape[td], os, 2);
			char pu = d < 0 ? punct_between(c, o->e, k->s) : punct_between(c, k->e, o->s);
			if (n < SCAN_FEAT_MAX)
				f[n++] = feat_value(tagh_punct[td], &pu, 1);
		}
	}
	if (i == 0 && n < SCAN_FEAT_MAX)
		f[n++] = feat_start;
	return n;
}

static int32_t tok_score(const struct ctx *c, size_t i)
{
	uint32_t f[SCAN_FEAT_MAX];
	size_t n = tok_features(c, i, f);
	int64_t s = 0;
	for (size_t j = 0; j < n; j++)
		s += model_w[f[j]];
	return s > INT32_MAX ? INT32_MAX : s < INT32_MIN ? INT32_MIN : (int32_t)s;
}

/*
 * After the rules: a capitalised token the model is sure of becomes a name
 * ("Tesfaye en zijn broer", "Loes heeft NAH"); a weak rule name (a first
 * name opening a sentence, a surname alone) the model is sure is not one
 * becomes a hint ("Bakker Bart levert ...").
 */
static bool tok_covered(const struct ctx *c, size_t i);

static void scan_tagged_names(struct ctx *c)
{
	if (!model_w)
		return;
	struct scan_result *r = c->out;
	size_t n = r->n;
	for (size_t f = 0; f < n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || x->confidence > 0.65)
			continue;
		/* demoted only when every capitalised token in it scores low */
		bool low = true, scored = false;
		for (size_t i = tok_first_at(c, x->start); i < c->ntok && c->tok[i].e <= x->end && low; i++)
			if (c->tok[i].cap) {
				scored = true;
				low = tok_score(c, i) < model_low;
			}
		if (low && scored)
			x->confidence = 0.4;
	}
	size_t f = 0;
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		if (!k->cap || k->acronym || k->single || c->veto[i] || (k->first && (k->flags & W_AMBIG)) ||
		    (k->flags & (W_TITLE | W_NONAME | W_ORG | W_ROLE | W_DEPT | W_MED | W_PRONOUN | W_STREETHEAD |
		                 W_PUBLIC | W_PREFIX)))
			continue;
		while (f < n && r->v[f].end <= k->s)
			f++;
		bool covered = false;
		for (size_t g = f; g < n && r->v[g].start < k->e && !covered; g++)
			covered = r->v[g].end > k->s;
		/* wave 13: a capitalised word with letters Dutch does not write, in no
		 * list of known proper nouns (places such as "Gdańsk" are), is a name */
		bool foreign = !(k->flags & (W_PROPER | W_LEX)) && foreign_letters(c->t + k->s, k->e - k->s);
		if (foreign && i > 0) {
			static const char *const to_place[] = {"in", "uit", "naar", "richting", "nabij", "from", "to", NULL};
			foreign = !tok_in(c, &c->tok[i - 1], to_place);
		}
		if (covered || (tok_score(c, i) <= model_t && !foreign))
			continue;
		if (town_context(c, i) || english_sent(c, k->sent))
			continue;
		/* after batch 28: the second word of a capitalised title or name of a
		 * thing ("Social Media in de Zorg"), when the word before it is no
		 * name to the rules or the model: a surname needs a first name */
		if (i > 0 && c->tok[i - 1].cap && !c->tok[i - 1].first && joined(c, i - 1) &&
		    !(c->tok[i - 1].flags & (W_FIRST | W_TITLE | W_FAMILY | W_ROLE | W_PREFIX)) &&
		    !tok_covered(c, i - 1) && tok_score(c, i - 1) <= model_t)
			continue;
		/* wave 12: "Tigrinya-sprekende", "Turks-talige": a lower-case part
		 * after a hyphen makes an adjective; names capitalise every part */
		{
			const char *h = memchr(c->t + k->s, '-', k->e - k->s);
			if (h && h + 1 < c->t + k->e && h[1] >= 'a' && h[1] <= 'z')
				continue;
		}
		size_t last = i;
		while (last + 1 < c->ntok && joined(c, last) && c->tok[last + 1].cap &&
		       !(c->tok[last + 1].flags & (W_NONAME | W_ORG | W_ROLE)) && tok_score(c, last + 1) > model_t)
			last++;
		/* the rules' judgement of staff, speakers and public figures holds for these names too */
		/* wave 12: with the capitalised word before it ("Mark" of "Mark Rutte",
		 * which a rule read and found public) */
		bool pub_before = i > 0 && c->tok[i - 1].cap && joined(c, i - 1) &&
		                  is_public(c, c->tok[i - 1].s, c->tok[last].e);
		if (pub_before)
			continue;
		/* wave 13: or with the capitalised word after it ("André" of "André Hazes") */
		if (last + 1 < c->ntok && joined(c, last) && c->tok[last + 1].cap &&
		    is_public(c, k->s, c->tok[last + 1].e))
			continue;
		/* after a prefix it may be part of a place ("van Albert Heijn"), but
		 * not after "de zoon van" (wave 13: "De zoon van Grzegorz belde") */
		bool kin_van = i > 1 && c->tok[i - 1].e - c->tok[i - 1].s == 3 &&
		               memcmp(c->t + c->tok[i - 1].s, "van", 3) == 0 &&
		               (c->tok[i - 2].flags & W_FAMILY) && c->tok[i - 2].sent == k->sent;
		bool hint = staff_context(c, i, last) || (c->pub && c->pub[k->sent]) ||
		            is_public(c, k->s, c->tok[last].e) ||
		            (i > 0 && (c->tok[i - 1].flags & (W_ROLE | W_PREFIX | W_ORG)) && !kin_van);
		add_finding(c, SCAN_NAME, k->s, c->tok[last].e, hint ? 0.4 : 0.6);
		i = last;
	}
}

/*
 * wave 15: where a capitalised word no list knows is a town, not a person:
 * after "in", "uit", "te", "naar" or a branch's "afdeling" ("De Zonnebloem
 * afdeling Oss", "huisarts uit Ommen"), or right after an address
 * ("Wilhelminastraat 5, Borculo").  Only for the tagger's own names: a
 * listed first name after "naar" is still read by the rules.
 */
static bool town_context(const struct ctx *c, size_t i)
{
	static const char *const before[] = {"in", "uit", "te", "naar", "nabij", "richting", "afdeling", "regio",
		"omgeving", "gemeente", "from", "to", NULL};
	const struct tok *k = &c->tok[i];
	if (i == 0)
		return false;
	if (c->tok[i - 1].sent == k->sent && tok_in(c, &c->tok[i - 1], before))
		return true;
	/* after batch 40: a Belgian postcode before it ("Kerkstraat 5, 2400 Mol") */
	if (k->s >= 6 && c->t[k->s - 1] == ' ' && digit_at(c, k->s - 2) && digit_at(c, k->s - 3) && digit_at(c, k->s - 4) &&
	    digit_at(c, k->s - 5) && (c->t[k->s - 6] == ' ' || c->t[k->s - 6] == ',') && (k->s < 7 || !digit_at(c, k->s - 7)))
		return true;
	/* (read in any order: the names are read before the findings are
	 * sorted; at most 512, so a text of thousands of findings stays linear) */
	for (size_t f = 0; f < c->out->n && f < 512; f++) {
		const struct scan_finding *x = &c->out->v[f];
		if (x->type != SCAN_ADDRESS || x->end > k->s || k->s - x->end > 3)
			continue;
		size_t p = x->end;
		while (p < k->s && (c->t[p] == ',' || c->t[p] == ' '))
			p++;
		if (p == k->s)
			return true;
	}
	return false;
}

/* Does a finding cover any byte of token i?  (findings sorted by start) */
static bool tok_covered(const struct ctx *c, size_t i)
{
	const struct tok *k = &c->tok[i];
	for (size_t f = finding_first_at(c, c->out->n, k->s > 200 ? k->s - 200 : 0); f < c->out->n; f++) {
		const struct scan_finding *x = &c->out->v[f];
		if (x->start >= k->e)
			break;
		if (x->end > k->s)
			return true;
	}
	return false;
}

/* A capitalised word that may be an unknown name: no everyday word, no
 * word of the lists that say otherwise. */
static bool unknown_cap(const struct ctx *c, size_t i)
{
	const struct tok *k = &c->tok[i];
	return k->cap && !k->acronym && !k->single && !c->veto[i] && !(k->first && (k->flags & W_AMBIG)) &&
	       !(k->flags & (W_LEX | W_TITLE | W_NONAME | W_ORG | W_ROLE | W_DEPT | W_MED | W_PRONOUN |
	                     W_STREETHEAD | W_PUBLIC | W_PREFIX | W_FAMILY | W_POSS)) &&
	       k->e - k->s >= 2;
}

/*
 * wave 13: a post signed with a bare name at its very end: "... in het
 * weekend. Femke", "^Lotte" (webcare's mark), "-Jeroen", "Dank namens het
 * team van De Linde, Marieke".  The writer's own name, as a greeting's
 * ("Groetjes, Anja") already is: a hint.  What the post says of the writer's
 * health is found on its own ("ik heb ...").
 */
/* The name finding that ends last, if it counts (demote_signature,
 * demote_role_signoff); SIZE_MAX if not. */
static size_t last_counted_name(const struct scan_result *r)
{
	size_t last = SIZE_MAX;
	for (size_t f = 0; f < r->n; f++)
		if (r->v[f].type == SCAN_NAME && (last == SIZE_MAX || r->v[f].end > r->v[last].end))
			last = f;
	return last != SIZE_MAX && r->v[last].confidence >= SCAN_COUNT_CONF ? last : SIZE_MAX;
}

static void demote_signature(struct ctx *c)
{
	struct scan_result *r = c->out;
	size_t last = last_counted_name(r);
	if (last == SIZE_MAX)
		return;
	struct scan_finding *x = &r->v[last];
	/* wave 14: a hashtag closing the post ("#sterkvoorsjoukje") signs nothing */
	if (c->t[x->start] == '#' || c->t[x->start] == '@')
		return;
	for (size_t p = x->end; p < c->len; p++)
		if (is_letter_byte(c->t, p, c->len) || digit_at(c, p))
			return;
	size_t i = tok_first_at(c, x->start);
	if (i >= c->ntok || (c->tok[i].flags & W_TITLE) || tok_first_at(c, x->end) - i > 2)
		return;
	size_t p = x->start;
	while (p > 0 && c->t[p - 1] == ' ')
		p--;
	if (p == 0)
		return;
	unsigned char b = (unsigned char)c->t[p - 1];
	bool mark = b == '^' || b == '-' || b == '~' || b == '/' || b == '!' || b == '?' || b == ')' ||
	            b >= 0x80; /* an emoji or a dash */
	/* a full stop ends a sentence, not an abbreviation ("t.n.v. W. Jonker") */
	if (b == '.' && i > 0 && c->tok[i - 1].e == p - 1 && c->tok[i - 1].e - c->tok[i - 1].s >= 3 &&
	    !(c->tok[i - 1].s > 0 && c->t[c->tok[i - 1].s - 1] == '.'))
		mark = true;
	if (!mark && b == ',') {
		/* "Dank namens het team van De Linde, Marieke" */
		static const char *const sign[] = {"namens", "dank", "bedankt", "groet", "groeten", "liefs", NULL};
		size_t s0 = tok_first_at(c, c->sent_at[c->tok[i].sent]);
		for (size_t d = s0; d < i && !mark; d++)
			mark = tok_in(c, &c->tok[d], sign);
	}
	if (mark && (b < 0x80 || !is_letter_byte(c->t, p - 1, c->len)))
		x->confidence = STAFF_CONF;
}

/*
 * wave 13: names the lists and the tagger leave, by their company:
 * "Mykola en Iryna Bondarenko" (a name joined by "en" to a name),
 * "haar kleindochter Mei Ling" (right after a family word), "Namens
 * Shurendy: dank ..." and "ingrid de vries komt niet meer" (a listed first
 * name and a listed surname, in lower case).
 */
static void scan_name_companions(struct ctx *c)
{
	struct scan_result *r = c->out;
	size_t n = r->n;
	for (size_t f = 0; f < n; f++) {
		const struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i < 2 || i >= c->ntok || c->tok[i].s != x->start || !joined(c, i - 2) || !joined(c, i - 1))
			continue;
		const struct tok *en = &c->tok[i - 1];
		if (!((en->e - en->s == 2 && memcmp(c->t + en->s, "en", 2) == 0) ||
		      (en->e - en->s == 2 && memcmp(c->t + en->s, "of", 2) == 0)))
			continue;
		if (unknown_cap(c, i - 2) && !tok_covered(c, i - 2))
			add_finding(c, SCAN_NAME, c->tok[i - 2].s, c->tok[i - 2].e, 0.6);
	}
	for (size_t i = 0; i + 1 < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		size_t j = i + 1;
		if ((k->flags & W_FAMILY) && !k->cap && joined(c, i) && unknown_cap(c, j) && !c->tok[j].first &&
		    !tok_covered(c, j)) {
			size_t last = j;
			while (last + 1 < c->ntok && joined(c, last) && unknown_cap(c, last + 1) && last - j < 2)
				last++;
			add_finding(c, SCAN_NAME, c->tok[j].s, c->tok[last].e, 0.6);
			i = last;
			continue;
		}
		if (k->e - k->s == 6 && memcmp(c->lt + k->s, "namens", 6) == 0 && joined(c, i) && c->tok[j].cap &&
		    !(c->tok[j].flags & (W_LEX | W_ORG | W_ROLE | W_DEPT | W_TITLE | W_PREFIX | W_NONAME))) {
			/* a hint the tagger or a staff rule made becomes a finding */
			for (size_t f = finding_first_at(c, r->n, c->tok[j].s); f < r->n && r->v[f].start <= c->tok[j].s; f++)
				if (r->v[f].type == SCAN_NAME && r->v[f].start == c->tok[j].s && r->v[f].confidence < SCAN_COUNT_CONF)
					r->v[f].confidence = 0.6;
			if (!tok_covered(c, j))
				add_finding(c, SCAN_NAME, c->tok[j].s, c->tok[j].e, 0.6);
			continue;
		}
		/* lower case: a listed first name (no everyday word), prefixes, a listed surname */
		if (!k->cap && (k->flags & W_FIRST) && !(k->flags & (W_LEX | W_AMBIG | W_NONAME)) && joined(c, i)) {
			size_t q = j;
			while (q < c->ntok && q - j < 3 && (c->tok[q].flags & W_PREFIX) && !c->tok[q].cap && q + 1 < c->ntok &&
			       joined(c, q))
				q++;
			/* an ordinary word as a surname ("vries") only after its prefix */
			if (q < c->ntok && !c->tok[q].cap && (c->tok[q].flags & W_SUR) &&
			    (q > j || !(c->tok[q].flags & (W_LEX | W_AMBIG))) && c->tok[q].sent == k->sent && !tok_covered(c, i)) {
				add_finding(c, SCAN_NAME, k->s, c->tok[q].e, 0.6);
				i = q;
			}
		}
	}
	if (r->n != n)
		sort_findings(r);
}

static void model_load(void)
{
	const struct embed_file *m = embed_get("build/scan_model.txt");
	if (!m)
		return;
	int32_t *w = xcalloc(SCAN_MODEL_SIZE, sizeof *w);
	const char *p = (const char *)m->data, *end = p + m->len;
	long t = 0, lo = 0, ht = 0, hlo = 0;
	bool head = false;
	int32_t *hw = NULL, *dst = w;
	while (p < end) {
		char line[64];
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((nl ? nl : end) - p);
		if (n < sizeof line) {
			memcpy(line, p, n);
			line[n] = '\0';
			char *q = line, *r;
			if (!head && strncmp(line, "threshold ", 10) == 0) {
				t = strtol(line + 10, &r, 10);
				lo = strtol(r, NULL, 10);
				head = true;
			} else if (head && !hw && strncmp(line, "health ", 7) == 0) {
				/* the health model's weights follow */
				ht = strtol(line + 7, &r, 10);
				hlo = strtol(r, NULL, 10);
				hw = xcalloc(SCAN_MODEL_SIZE, sizeof *hw);
				dst = hw;
			} else {
				unsigned long idx = strtoul(q, &r, 10);
				long v = r != q ? strtol(r, NULL, 10) : 0;
				if (r != q && idx < SCAN_MODEL_SIZE)
					dst[idx] = (int32_t)v;
			}
		}
		p += n + 1;
	}
	if (!head) {
		free(w);
		free(hw);
		return;
	}
	hmodel_w = hw;
	hmodel_t = (int32_t)ht;
	hmodel_low = (int32_t)hlo;
	model_w = w;
	model_t = (int32_t)t;
	model_low = (int32_t)lo;
}

void scan_model_use(const int32_t *w, int32_t threshold)
{
	scan_init();
	model_w = (int32_t *)w;
	model_t = threshold;
	model_low = -threshold * 3;
}

/* The answers the rules remember per token and per sentence (the ctx's
 * memo fields), made once the text is tokenized; memo_free gives them back. */
static void memo_alloc(struct ctx *c)
{
	c->low = xcalloc(c->ntok ? c->ntok : 1, sizeof *c->low);
	/* one block: the tokens' things, the sentences' rosters and roles, the
	 * tokens' animals */
	c->thing_memo = xcalloc(2 * c->ntok + 2 * c->nsent + 1, 1);
	c->roster_memo = c->thing_memo + c->ntok;
	c->role_memo = c->roster_memo + c->nsent;
	c->animal_memo = c->role_memo + c->nsent;
}

static void memo_free(struct ctx *c)
{
	free(c->low);
	free(c->lt);
	free(c->thing_memo); /* (the others lie in the same block) */
}

int scan_model_features(const char *text, size_t len, struct scan_tokfeat **out, size_t *n)
{
	int rc = scan_init();
	if (rc)
		return rc;
	struct scan_result res = {0};
	struct ctx c = {.t = text, .len = len, .out = &res};
	c.capsent = 64;
	c.sent_at = xmalloc(c.capsent * sizeof *c.sent_at);
	tokenize(&c);
	memo_alloc(&c);
	struct scan_tokfeat *v = xcalloc(c.ntok ? c.ntok : 1, sizeof *v);
	for (size_t i = 0; i < c.ntok; i++) {
		v[i].s = c.tok[i].s;
		v[i].e = c.tok[i].e;
		v[i].nf = tok_features(&c, i, v[i].f);
	}
	*out = v;
	*n = c.ntok;
	free(c.tok);
	free(c.sent_at);
	memo_free(&c);
	return 0;
}

/* ------------------------------------------------ the learned health tagger */

/* the trainer's collector (scan_health_features): candidate words, features */
static struct {
	bool on;
	struct scan_tokfeat *v;
	bool *rule;
	size_t n, cap;
} hcol;

/* The text between two words as a short shape ("Sat 84." gives "_9."):
 * digits '9', spaces '_', other bytes kept, repeats collapsed. */
static size_t gap_shape(const struct ctx *c, size_t a, size_t b, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t p = a; p < b && n < cap; p++) {
		char ch = c->t[p];
		char m = ch >= '0' && ch <= '9' ? '9' : ch == ' ' ? '_' : (unsigned char)ch >= 0x80 ? 'u' : ch;
		if (n == 0 || out[n - 1] != m)
			out[n++] = m;
	}
	return n;
}

#define HFEAT(x) do { if (n < SCAN_FEAT_MAX) f[n++] = (x); } while (0)

/* The features of word i for the health model; pk is the person context of
 * its sentence (6 letters: name, room, person word, pronoun, a person in
 * one of the two sentences before, in the one after), rmed whether the rules made it health. */
static size_t health_features(const struct ctx *c, size_t i, const char *pk, bool rmed, uint32_t *f)
{
	const struct tok *k = &c->tok[i];
	char low[64];
	size_t n = 0, len = k->e - k->s;
	if (len > sizeof low)
		len = sizeof low;
	memcpy(low, c->lt + k->s, len);
	HFEAT(feat("hb", "", 0));
	HFEAT(feat("hpk", pk, 6));
	HFEAT(feat("hw", low, len));
	/* endings: -pril, -olol, -azepam, -statine, -itis, -ose */
	static const char *const stag[] = {"hs3", "hs4", "hs5", "hs6"};
	for (size_t sl = 3; sl <= 6; sl++)
		if (len >= sl + 2)
			HFEAT(feat(stag[sl - 3], low + len - sl, sl));
	if (len >= 6)
		HFEAT(feat("hp4", low, 4));
	char sh[3] = {tok_shape(c, k), k->first ? 'f' : 'm', len <= 3 ? '3' : len <= 6 ? '6' : '+'};
	HFEAT(feat("hsh", sh, 3));
	n = add_flags(f, n, "hf", k->flags & (W_MED | W_FAMILY | W_PRONOUN | W_POSS | W_TITLE | W_ROLE | W_FIRST |
	                                      W_SUR | W_PROPER | W_NONAME | W_ORG | W_PUBCTX | W_IKVERB | W_LEX));
	if (k->flags & W_VITAL)
		HFEAT(feat("hv", "", 0));
	if (k->flags & W_MEDHEAD)
		HFEAT(feat("hmh", "", 0));
	if (rmed) {
		HFEAT(feat("hr", "", 0));
		HFEAT(feat("hrp", pk, 6));
	}
	if (k->flags & W_MED)
		HFEAT(feat("hmp", pk, 6));
	/* numbers and units around it: "sat 88", "2dd1", "1000 mg", "38,9" */
	char g[10];
	size_t ae = i + 1 < c->ntok ? c->tok[i + 1].s : c->len, bs = i > 0 ? c->tok[i - 1].e : 0;
	if (ae > k->e + 8)
		ae = k->e + 8;
	if (bs + 8 < k->s)
		bs = k->s - 8;
	HFEAT(feat("hga", g, gap_shape(c, k->e, ae, g, sizeof g)));
	HFEAT(feat("hgb", g, gap_shape(c, bs, k->s, g, sizeof g)));
	for (int d = -2; d <= 2; d++) {
		if (d == 0 || (d < 0 && (size_t)-d > i) || i + (size_t)(d > 0 ? d : 0) >= c->ntok)
			continue;
		const struct tok *o = &c->tok[i + (size_t)d];
		if (o->sent != k->sent)
			continue;
		char tag[4] = "hn?", ol[32];
		tag[2] = (char)('2' + d);
		size_t on = o->e - o->s < sizeof ol ? o->e - o->s : sizeof ol;
		memcpy(ol, c->lt + o->s, on);
		HFEAT(feat(tag, ol, on));
		if (d == -1 || d == 1) {
			tag[1] = 'm';
			n = add_flags(f, n, tag, o->flags & (W_MED | W_FAMILY | W_PRONOUN | W_POSS | W_TITLE | W_IKVERB));
		}
	}
	/* the word's ending with whether someone is spoken of */
	if (len >= 6) {
		char sp[6];
		memcpy(sp, low + len - 4, 4);
		sp[4] = pk[0] != '-' || pk[1] != '-' || pk[2] != '-' ? 'p' : pk[3] != '-' ? 'r' : '-';
		HFEAT(feat("hsp", sp, 5));
	}
	return n;
}

/*
 * After the rules: in a sentence that speaks of someone (or follows one that
 * does), a word the health model is sure of becomes health, with the same
 * confidence as the rules give (0.85 with a name or room, else 0.6); a rule
 * health finding whose every word the model scores far below zero becomes a
 * hint ("spreekuur").
 */
/* Everyday words the health model marked alone (after batch 32: "dat
 * nummer hoort nooit bij een echte cliënt"; wave 30, batches 43-128: a
 * meal, a verb or an adverb beside a condition, never health on their own
 * there.  Not "scootmobiel", "afspraak", "ambulance": wrong as spans, they
 * were what told a post's health, "een afspraak bij de longarts"). */
static const char *const alone_not[] = {"hoort", "open", "neem", "dringende", "elektrische", "tablet",
	"pindakaas", "brieven", "stond", "lekker", "hoeft", "begon", "draaien", "direct", "lift", "dreigt", "begeleid",
	"ontbeten", "mezelf", "eigenlijk", NULL};

static void health_tagger(struct ctx *c, const struct sentinfo *si, size_t hstart)
{
	if (!hmodel_w && !hcol.on)
		return;
	unsigned char *cand = xcalloc(c->nsent, 1);
	bool any = false;
	/* a family word, a title, or a pronoun or possessive that points at one
	 * person ("hij", "ze", "haar", "mijn"; not "zijn", "u", "onze", which
	 * every general post has: the model is not paid for there) */
	static const char *const who[] = {"hij", "zij", "ze", "haar", "hem", "mijn", "m'n", "mn", "he", "she",
		"his", "her", "him", "my", NULL};
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		if (cand[k->sent] & 1)
			continue;
		if (k->flags & (W_FAMILY | W_TITLE)) {
			/* "ook familie en buren": anyone's */
			size_t l = k->e - k->s;
			/* after batch 32: nor "een cliënt met beginnende dementie" */
			if (!(l >= 7 && memcmp(c->lt + k->s, "familie", 7) == 0) && !((k->flags & W_TITLE) && any_one(c, i)))
				cand[k->sent] |= 1;
		} else if ((k->flags & (W_PRONOUN | W_POSS)) && k->e - k->s <= 4) {
			char w[8];
			size_t l = k->e - k->s;
			memcpy(w, c->lt + k->s, l);
			w[l] = '\0';
			if (in_list(w, who))
				cand[k->sent] |= 1;
		}
	}
	for (size_t s = 0; s < c->nsent; s++)
		if (si[s].name || si[s].room || si[s].ref)
			cand[s] |= 2;
	/* wave 12: "Mijn hond Bram moet aan zijn heup geopereerd": where an animal
	 * is spoken of and no person was found, "mijn", "zijn" and "hij" are the
	 * animal's */
	for (size_t i = 0; i < c->ntok; i++)
		if ((c->tok[i].flags & W_PET) && !(cand[c->tok[i].sent] & 2))
			cand[c->tok[i].sent] &= (unsigned char)~1;
	/* the person may be one or two sentences before ("Sat 84." after "hij is
	 * benauwd"), or just after ("Ervaring met Eliquis? Mijn moeder ...") */
	for (size_t s = 0; s < c->nsent; s++) {
		if ((s > 0 && (cand[s - 1] & 3)) || (s > 1 && (cand[s - 2] & 3)))
			cand[s] |= 4;
		if (s + 1 < c->nsent && (cand[s + 1] & 3))
			cand[s] |= 8;
	}
	/* after batch 27: nor is a person in the sentence before or after
	 * theirs ("Onze oude kater Tijger heeft een tumor ... De kinderen zijn
	 * verdrietig.") */
	for (size_t i = 0; i < c->ntok; i++)
		if ((c->tok[i].flags & W_PET) && !(cand[c->tok[i].sent] & 2)) {
			size_t ps = c->tok[i].sent;
			cand[ps] = 0;
			/* after batch 36: "Poes Mientje is 12 geworden! Ze kreeg een blikje
			 * tonijn": the next sentence's "ze" is the animal */
			for (size_t n = i + 1; n < c->ntok && c->tok[n].sent <= ps + 1; n++)
				if (c->tok[n].sent == ps + 1) {
					if ((c->tok[n].flags & W_PRONOUN) && !(cand[ps + 1] & 2))
						cand[ps + 1] = 0;
					break;
				}
		}
	for (size_t s = 0; s < c->nsent; s++) {
		if (cand[s] && english_sent(c, s))
			cand[s] = 0;
		any |= cand[s] != 0;
	}
	if (!any) {
		free(cand);
		return;
	}
	/* per word: 1 inside another finding, 2 inside a rule health finding */
	unsigned char *cov = xcalloc(c->ntok ? c->ntok : 1, 1);
	size_t n0 = c->out->n;
	for (size_t f = 0; f < n0; f++) {
		const struct scan_finding *x = &c->out->v[f];
		for (size_t t = tok_first_at(c, x->start); t < c->ntok && c->tok[t].s < x->end; t++)
			cov[t] |= x->type == SCAN_HEALTH ? 2 : 1;
	}
	int32_t *score = hcol.on ? NULL : xcalloc(c->ntok ? c->ntok : 1, sizeof *score);
	size_t rh = hstart;
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		size_t s = k->sent;
		if (!cand[s] || (cov[i] & 1) || (k->single && !k->cap))
			continue;
		/* short lower-case words are function words ("de", "en", "van"),
		 * unless a list knows them or they are a unit after a number ("mg") */
		/* (the first word of a multi-word term is no exception: "in" of "in de
		 * war", "zijn" of "zijn bed niet meer uit" — a matched term is a rule
		 * finding already) */
		if (k->e - k->s <= 3 && !k->cap && !(cov[i] & 2) && !(k->flags & (W_MED | W_VITAL)) &&
		    !(k->s > 1 && c->t[k->s - 1] == ' ' && c->t[k->s - 2] >= '0' && c->t[k->s - 2] <= '9') &&
		    !(k->s > 0 && c->t[k->s - 1] >= '0' && c->t[k->s - 1] <= '9'))
			continue;
		/* wave 14: longer function words are no one's health either ("Mag mijn
		 * vader zelf zijn eten meenemen": the model had marked "zijn") */
		if (k->e - k->s <= 9 && !k->cap && !(cov[i] & 2) && !(k->flags & (W_MED | W_VITAL)) &&
		    tok_in(c, k, hstop))
			continue;
		if (!k->cap && !(cov[i] & 2) && k->e - k->s >= 4 && k->e - k->s <= 20 && tok_in(c, k, manners))
			continue;
		char pk[6] = {si[s].name ? 'N' : '-', si[s].room ? 'R' : '-', si[s].ref ? 'F' : '-',
		              (cand[s] & 1) ? 'P' : '-', (cand[s] & 4) ? 'Q' : '-', (cand[s] & 8) ? 'A' : '-'};
		uint32_t f[SCAN_FEAT_MAX];
		size_t nf = health_features(c, i, pk, (cov[i] & 2) != 0, f);
		if (hcol.on) {
			if (hcol.n == hcol.cap) {
				hcol.cap = hcol.cap ? hcol.cap * 2 : 64;
				hcol.v = xrealloc(hcol.v, hcol.cap * sizeof *hcol.v);
				hcol.rule = xrealloc(hcol.rule, hcol.cap * sizeof *hcol.rule);
			}
			struct scan_tokfeat *h = &hcol.v[hcol.n];
			h->s = k->s;
			h->e = k->e;
			memcpy(h->f, f, nf * sizeof *f);
			h->nf = nf;
			hcol.rule[hcol.n++] = (cov[i] & 2) != 0;
			continue;
		}
		int64_t sc = 0;
		for (size_t j = 0; j < nf; j++)
			sc += hmodel_w[f[j]];
		score[i] = sc > INT32_MAX ? INT32_MAX : sc < INT32_MIN ? INT32_MIN : (int32_t)sc;
		/* a sentence with no person of its own, only one near it, needs a
		 * surer word: a review's list of things ("… raam tafel boom …") after
		 * "Mijn ervaring was goed." is no one's health */
		if ((cov[i] & 2) || score[i] <= hmodel_t || (!(cand[s] & 3) && score[i] <= hmodel_t + HMODEL_NEAR_MARGIN))
			continue;
		/* after batch 30: a number word is how many or how long, not what
		 * ("na een aanval van bijna vijf minuten"); after batch 32, everyday
		 * words it has marked alone ("dat nummer hoort nooit bij een echte
		 * cliënt", "de sleutelkluis niet open gekregen").  Left out here,
		 * after the training rows, so the model learns from the same rows */
		if (!k->cap && (number_word(c->t + k->s, k->e - k->s) >= 0 || (k->flags & W_NONAME) ||
		                (!(k->flags & W_MED) && tok_in(c, k, alone_not))))
			continue;
		/* after batch 44: a pictograph is no health ("stel je even voor als je
		 * ze ziet 👋": the tokenizer reads emoji as letters, the model marked it) */
		if (symbol_tok(c, k))
			continue;
		/* wave 11: the verb that links a person to the health ("Dhr. K. heeft
		 * koorts") is not the health; the model, taught on spans that hold
		 * it, would mark it alone */
		static const char *const aux[] = {"is", "heeft", "had", "was", "krijgt", "kreeg", "wordt", "werd",
			"zit", "ligt", "lag", "zat", "moet", "has", "gets", NULL};
		if (tok_in(c, k, aux))
			continue;
		/* wave 13: letters glued to digits ("wandelx75721ingen") are part of a
		 * code, not a word of health, unless a list knows the word */
		if (k->e - k->s >= 4 && !(k->flags & (W_MED | W_VITAL)) &&
		    (digit_at(c, k->e) || (k->s > 0 && digit_at(c, k->s - 1))))
			continue;
		/* "paracetamol 1000 mg": words of one finding with only numbers between */
		/* the nearest health finding before it: the model's last one, or the
		 * rules' (in text order from hstart, read with a cursor: linear) */
		while (rh < n0 && c->out->v[rh].end <= k->s)
			rh++;
		struct scan_finding *prev = c->out->n > n0 ? &c->out->v[c->out->n - 1] : NULL;
		if (rh > hstart && (!prev || c->out->v[rh - 1].end > prev->end))
			prev = &c->out->v[rh - 1];
		bool join = prev && prev->end <= k->s && prev->end + 12 >= k->s && prev->confidence >= SCAN_COUNT_CONF &&
		            sentence_of(c, prev->end) == s;
		for (size_t p = prev ? prev->end : 0; join && p < k->s; p++)
			join = !is_letter_byte(c->t, p, c->len) && c->t[p] != '.' && c->t[p] != ',';
		if (join)
			prev->end = k->e;
		else
			add_finding(c, SCAN_HEALTH, k->s, k->e, si[s].name || si[s].room ? HEALTH_LINKED_CONF : 0.6);
	}
	/* wave 14: one weak word is no health — a post whose only health is a
	 * single word the model only just took ("Mag mijn vader zelf zijn eten
	 * meenemen naar de dagbesteding?") gets a hint, not a warning */
	if (score && c->out->n == n0 + 1) {
		bool rule = false;
		for (size_t f = 0; f < n0 && !rule; f++)
			rule = c->out->v[f].type == SCAN_HEALTH && c->out->v[f].confidence >= SCAN_COUNT_CONF;
		struct scan_finding *x = &c->out->v[n0];
		int64_t best = INT32_MIN;
		size_t nw = 0;
		for (size_t t = tok_first_at(c, x->start); t < c->ntok && c->tok[t].s < x->end; t++, nw++)
			best = score[t] > best ? score[t] : best;
		if (!rule && nw == 1 && best <= hmodel_t + HMODEL_SOLO_MARGIN)
			x->confidence = 0.4;
	}
	for (size_t f = 0; score && f < n0; f++) {
		struct scan_finding *x = &c->out->v[f];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		bool low = true, seen = false;
		for (size_t t = tok_first_at(c, x->start); t < c->ntok && c->tok[t].s < x->end && low; t++)
			if (!(cov[t] & 1) && cand[c->tok[t].sent]) {
				seen = true;
				low = score[t] < hmodel_low;
			}
		if (low && seen)
			x->confidence = 0.4;
	}
	free(score);
	free(cov);
	free(cand);
}

int scan_health_features(const char *text, size_t len, struct scan_tokfeat **out, bool **rule, size_t *n)
{
	int rc = scan_init();
	if (rc)
		return rc;
	const int32_t *keep = hmodel_w;
	hmodel_w = NULL;
	hcol.on = true;
	hcol.v = NULL;
	hcol.rule = NULL;
	hcol.n = hcol.cap = 0;
	struct scan_result r = {0};
	rc = scan_text(text, len, NULL, &r);
	scan_result_release(&r);
	hcol.on = false;
	hmodel_w = (int32_t *)keep;
	*out = hcol.v ? hcol.v : xcalloc(1, sizeof **out);
	*rule = hcol.rule ? hcol.rule : xcalloc(1, sizeof **rule);
	*n = hcol.n;
	return rc;
}

void scan_health_model_use(const int32_t *w, int32_t threshold, int32_t low)
{
	scan_init();
	hmodel_w = (int32_t *)w;
	hmodel_t = threshold;
	hmodel_low = low;
}

/* ------------------------------------------------------ merge and policy */

/*
 * "Zorggroep De Vaart, Kanaalweg 14, 8011 AB Zwolle, tel. 038-…, info@…": a
 * sentence with an organisation's role address (info@, a hint) and no
 * counted name is the organisation's own contact line; its address and
 * phone are hints too.
 */
/*
 * wave 14: "bel Annelies op 0113-248 900": the landline right after a
 * contact the name rules made staff is that contact's work line.  A mobile
 * keeps its weight.
 */
static void demote_contact_lines(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t i = 0; i < r->n; i++) {
		struct scan_finding *x = &r->v[i];
		if (x->type != SCAN_PHONE || x->confidence < SCAN_COUNT_CONF || x->confidence >= 0.9)
			continue;
		size_t p = x->start;
		while (p > 0 && (c->t[p - 1] == ' ' || c->t[p - 1] == ':' || c->t[p - 1] == ',' || c->t[p - 1] == '('))
			p--;
		if (p >= 3 && c->t[p - 1] == 'p' && c->t[p - 2] == 'o' && c->t[p - 3] == ' ')
			for (p -= 3; p > 0 && c->t[p - 1] == ' ';)
				p--;
		for (size_t j = 0; j < r->n; j++)
			if (r->v[j].type == SCAN_NAME && r->v[j].end == p && r->v[j].confidence < SCAN_COUNT_CONF) {
				x->confidence = 0.4;
				break;
			}
	}
}

/*
 * After batches 39 and 40: a mobile that is a post's or a team's line, not
 * a person's: "Achterwacht is Gerrie via de achterwachttelefoon 06-…",
 * "Wijkverpleging team Zuid-Oost is bereikbaar van 7 tot 23 uur op 06-…".
 */
static bool work_line_word(const struct ctx *c, const struct tok *k)
{
	static const char *const heads[] = {"telefoon", "mobiel", "lijn", "nummer", NULL};
	static const char *const posts[] = {"achterwacht", "dienst", "nacht", "team", "bereikbaarheids", "piket",
		"crisis", "wijk", "zorg", "avond", "weekend", "dag", "nachtdienst", "avonddienst", "teams", "spoed",
		"storings", "alarm", "planning", "planners", "coördinatoren", "coördinator", NULL};
	size_t n = k->e - k->s;
	char low[48];
	if (n < 8 || n >= sizeof low)
		return false;
	memcpy(low, c->lt + k->s, n);
	low[n] = '\0';
	for (const char *const *h = heads; *h; h++) {
		size_t m = strlen(*h);
		if (n <= m + 2 || memcmp(low + n - m, *h, m) != 0)
			continue;
		low[n - m] = '\0';
		if (in_list(low, posts) || (lookup(low, n - m) & (W_ROLE | W_DEPT)))
			return true;
		return false;
	}
	return false;
}

static void demote_work_mobiles(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t i = 0; i < r->n; i++) {
		struct scan_finding *x = &r->v[i];
		if (x->type != SCAN_PHONE || x->confidence < 0.9)
			continue;
		size_t t = tok_first_at(c, x->start);
		size_t s = sentence_of(c, x->start);
		bool work = false;
		/* the word a few words before it: "via de achterwachttelefoon" */
		for (size_t b = t; !work && b-- > 0 && b + 4 >= t && c->tok[b].sent == s;)
			work = work_line_word(c, &c->tok[b]) &&
			       !(b > 0 && tok_in(c, &c->tok[b - 1], (const char *const[]){"mijn", "m'n", "mn", "zijn", "haar",
			                                                                 "z'n", "d'r", NULL}));
		/* "team Zuid-Oost is bereikbaar ... op 06-…", no one named in it */
		if (!work) {
			bool reach = false, team = false, named = false;
			for (size_t b = t; b-- > 0 && c->tok[b].sent == s;) {
				reach |= tok_in(c, &c->tok[b], (const char *const[]){"bereikbaar", NULL});
				team |= (c->tok[b].flags & W_DEPT) != 0;
			}
			for (size_t j = 0; j < r->n; j++)
				named |= r->v[j].type == SCAN_NAME && sentence_of(c, r->v[j].start) == s;
			work = reach && team && !named;
		}
		if (work)
			x->confidence = 0.4;
	}
}

static void demote_org_contacts(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].type != SCAN_EMAIL || r->v[i].confidence >= SCAN_COUNT_CONF)
			continue;
		size_t s = sentence_of(c, r->v[i].start);
		bool named = false;
		for (size_t j = 0; j < r->n && !named; j++)
			named = r->v[j].type == SCAN_NAME && r->v[j].confidence >= SCAN_COUNT_CONF &&
			        sentence_of(c, r->v[j].start) == s;
		for (size_t j = 0; j < r->n && !named; j++)
			if ((r->v[j].type == SCAN_ADDRESS || r->v[j].type == SCAN_PHONE) &&
			    r->v[j].confidence >= SCAN_COUNT_CONF && r->v[j].confidence < 0.9 &&
			    sentence_of(c, r->v[j].start) == s)
				r->v[j].confidence = 0.4;
	}
}

/*
 * "Apotheek De Vijzel, Vijzelstraat 11, is op tweede paasdag gesloten",
 * "Tandartsenpraktijk Glimlach verhuist naar Molenpad 2 … Nieuw nummer:
 * 0548-…", "Afspraken via de balie, 050-…": an address or a landline in a
 * post that names an organisation or a desk before it (in its sentence or
 * the one before) and speaks of no private person anywhere (no counted
 * name, no health, no family word, no "ik"/"mijn"/"mij") is the
 * organisation's own.  A mobile (0.9) keeps its weight: it is someone's.
 * After the health words, which it needs.
 */
/* The text gives a time of day: "16 uur", "19.30 uur", "om 10:00". */
static bool clock_time(const struct ctx *c)
{
	/* after batch 40, Flemish: "Donderdag om 19u", "van 9u tot 12u" */
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		if (k->e - k->s == 1 && c->t[k->s] == 'u' && k->s > 0 && digit_at(c, k->s - 1))
			return true;
	}
	for (const char *p = memmem(c->t, c->len, "uur", 3); p; p = memmem(p + 3, (size_t)(c->t + c->len - p - 3), "uur", 3)) {
		size_t o = (size_t)(p - c->t);
		if (o >= 2 && c->t[o - 1] == ' ' && c->t[o - 2] >= '0' && c->t[o - 2] <= '9' &&
		    (o + 3 >= c->len || !is_letter_byte(c->t, o + 3, c->len)))
			return true;
	}
	return false;
}

/* The text names a day: "zaterdag 10 januari", "op 16 januari", "elke
 * derde woensdag" (an event's, read only in a post with no one in it). */
static bool event_date(const struct ctx *c)
{
	static const char *const days[] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
		"zondag", NULL};
	for (size_t t = 1; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t], *p = &c->tok[t - 1];
		/* (numbers are no tokens: the digits right before the month) */
		if (k->s >= 2 && c->t[k->s - 1] == ' ' && digit_at(c, k->s - 2) && tok_in(c, k, months_nl))
			return true;
		if (k->sent == p->sent && tok_in(c, k, days) && tok_in(c, p, (const char *const[]){"elke", "iedere", "eerste", "tweede",
		                                                              "derde", "vierde", "laatste", "op", NULL}))
			return true;
	}
	return false;
}

/* The writer as a person: "ik", "mijn" (demote_public_health, demote_org_lines) */
static const char *const firstp[] = {"ik", "mijn", "m'n", "mn", "mij", "me", "my", NULL};

/* Token t speaks of the writer or their family: a private person in the
 * post ("voor bewoners en familie" is anyone's) (demote_org_lines,
 * demote_named_workers). */
static bool own_circle(const struct ctx *c, size_t t)
{
	return ((c->tok[t].flags & W_FAMILY) && !tok_in(c, &c->tok[t], (const char *const[]){"familie", NULL})) ||
	       tok_in(c, &c->tok[t], firstp);
}

/* own_circle, but a family word after "je", "jouw", "uw", "een", "hun" is
 * anyone's ("Thema: 'Als je partner je niet meer herkent'"; wave 21) */
static bool private_circle(const struct ctx *c, size_t t)
{
	if (!own_circle(c, t))
		return false;
	if (!(c->tok[t].flags & W_FAMILY))
		return true;
	/* (round 4, batch 80: "ma t/m do 8.30-16.30", "ma-vr": Monday) */
	if (c->tok[t].e - c->tok[t].s == 2 && !memcmp(c->lt + c->tok[t].s, "ma", 2)) {
		size_t g = c->tok[t].e;
		while (g < c->len && c->t[g] == ' ')
			g++;
		if (g < c->len && (c->t[g] == '-' || c->t[g] == '/' || c->t[g] == ',' || isdigit((unsigned char)c->t[g]) ||
		                   (g + 3 <= c->len && !memcmp(c->lt + g, "t/m", 3)) ||
		                   (g + 4 <= c->len && !memcmp(c->lt + g, "tot ", 4)) ||
		                   /* (wave 29: a roster's "ma: Irma · di: Kevin") */
		                   (c->t[g] == ':' && roster_sentence(c, c->tok[t].sent))))
			return false;
	}
	bool before = t > 0 && c->tok[t - 1].sent == c->tok[t].sent;
	if (before && tok_in(c, &c->tok[t - 1], (const char *const[]){"je", "jouw", "uw", "een", "hun", "your", "elke", "iedere", "ieder", NULL}))
		return false;
	/* (wave 29, batch 122: a role before it, "ervaringsdeskundige vader
	 * Tim Oosterhuis", is the speaker's role) */
	if (before && c->tok[t - 1].e - c->tok[t - 1].s > 10 &&
	    ends_with_ascii(c->t + c->tok[t - 1].s, c->tok[t - 1].e - c->tok[t - 1].s, "deskundige", 10))
		return false;
	/* (round 3, batch 77: a plural is anyone's unless it is someone's:
	 * "Stichting Leergeld helpt kinderen uit gezinnen met weinig geld") */
	size_t n = c->tok[t].e - c->tok[t].s;
	bool plural = n > 5 && (!strncmp(c->t + c->tok[t].e - 2, "en", 2) || !strncmp(c->t + c->tok[t].e - 3, "ers", 3));
	return !plural || (before && tok_in(c, &c->tok[t - 1], (const char *const[]){"mijn", "m'n", "mn", "onze", "ons",
	                                                                           "haar", "zijn", "z'n", NULL}));
}

/* Some token of the text is private_circle's (read once per text: the
 * organisation rules each ask it). */
static bool has_private_circle(struct ctx *c)
{
	if (!c->private_memo) {
		bool any = false;
		for (size_t t = 0; t < c->ntok && !any; t++)
			any = private_circle(c, t);
		c->private_memo = any ? 2 : 1;
	}
	return c->private_memo == 2;
}

/* The writer speaks of themselves: "ik", "mijn", ... or a sentence opened
 * with the "ik" left out ("Heb sinds vrijdag koorts"); read once per text. */
static bool writer_speaks(struct ctx *c)
{
	if (!c->writer_memo) {
		bool any = false;
		for (size_t t = 0; t < c->ntok && !any; t++)
			any = tok_in(c, &c->tok[t], firstp) || ikless_start(c, t);
		c->writer_memo = any ? 2 : 1;
	}
	return c->writer_memo == 2 || c->diary;
}

/* Kinds of organisation and venue a name after them names (wave 20;
 * demote_venue_names, and demote_org_lines's last pass). */
static const char *const venue_kinds[] = {"zorgorganisatie", "zorggroep", "zorgcentrum", "woonzorgcentrum",
	"verpleeghuis", "verzorgingshuis", "stichting", "vereniging", "harmonie", "fanfare", "koor", "basisschool",
	"school", "sporthal", "zwembad", "buurthuis", "dorpshuis", "wijkcentrum", "kerk", "parochie", "moskee", "café",
	"restaurant", "camping", "hotel", "theater", "museum", "bibliotheek", "dorpsbelang", "buurtvereniging",
	"voetbalclub", "sportclub", "biljartclub", "scouting", "zorgboerderij", "hospice", "kinderopvang", "ziekenhuis",
	"zalencentrum", "partycentrum", "sportpark", "manege", "bieb", "parochiecentrum", "gemeentehuis", "wijkgebouw",
	"clubhuis", "kantine", "sportcentrum", /* wave 29 */ "winkel", "atelier", "werkplaats",
	/* wave 31 (batch 131) */ "cultuurhuis", "wijkhuis", NULL};

/* A kind of organisation or venue, also as the head of a compound
 * (wave 22, batch 83: "Voetbalvereniging Ruurlo", "Loonbedrijf Hofman",
 * "huisartsenpraktijk Bedum") */
static bool venue_kind(const struct ctx *c, const struct tok *k)
{
	static const struct lit heads[] = {LIT("vereniging"), LIT("praktijk"), LIT("bedrijf"), LIT("club"),
		LIT("centrum"), LIT("school"), LIT("organisatie"), LIT("bureau"), LIT("apotheek"), LIT("winkel"),
		LIT("koor"), LIT("stichting")};
	if (tok_in(c, k, venue_kinds))
		return true;
	/* (tok_in reads no word of 16 bytes or more: the heads by their end) */
	size_t n = k->e - k->s;
	if (n >= 64)
		return false;
	for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
		if (n >= heads[i].n + 3 && ends_with_ascii(c->t + k->s, n, heads[i].s, heads[i].n))
			return true;
	return false;
}

static void demote_org_lines(struct ctx *c, bool late)
{
	struct scan_result *r = c->out;
	bool line = false; /* a counted address or phone below 0.9: what this may demote */
	for (size_t j = 0; j < r->n; j++) {
		if ((r->v[j].type == SCAN_NAME || r->v[j].type == SCAN_HEALTH || r->v[j].type == SCAN_DATE_OF_BIRTH ||
		     r->v[j].type == SCAN_ROOM) && r->v[j].confidence >= SCAN_COUNT_CONF)
			return;
		line |= (r->v[j].type == SCAN_ADDRESS || r->v[j].type == SCAN_PHONE) &&
		        r->v[j].confidence >= SCAN_COUNT_CONF && r->v[j].confidence < 0.9;
	}
	if (!line) /* most posts: the words need not be read */
		return;
	if (has_private_circle(c))
		return;
	bool someone = false; /* he, she, a title: someone may own a landline */
	for (size_t t = 0; t < c->ntok; t++) {
		/* (after batch 39: "u" and "uw" are the reader an organisation
		 * speaks to: "Voor vragen kunt u bellen met 0297-…") */
		someone |= (c->tok[t].flags & (W_PRONOUN | W_TITLE)) != 0 &&
		           !tok_in(c, &c->tok[t], (const char *const[]){"familie", "u", "uw", NULL}) &&
		           /* "Onze bezoektijden zijn dagelijks van 10.00 tot 20.00 uur": a verb */
		           !(t + 1 < c->ntok && c->tok[t].e - c->tok[t].s == 4 && !strncmp(c->t + c->tok[t].s, "zijn", 4) &&
		             (tok_in(c, &c->tok[t + 1], (const char *const[]){"dagelijks", "open", "gesloten", "bereikbaar",
		                                                              "er", "te", "van", "op", "elke", "iedere", "vanaf",
		                                                              "tot", "weer", "ook", "nog", "niet", "via", "welkom",
		                                                              "gratis", "alleen", "nu", "in", "met", "voor", NULL}) ||
		              /* after batch 41: "De afdelingen zijn …": a plural before it */
		              (t > 0 && c->tok[t - 1].sent == c->tok[t].sent && c->tok[t - 1].e - c->tok[t - 1].s > 4 &&
		               !strncmp(c->t + c->tok[t - 1].e - 2, "en", 2)) ||
		              /* wave 21 (batch 74): "Wij zijn de hele week open" */
		              (t > 0 && c->tok[t - 1].sent == c->tok[t].sent &&
		               tok_in(c, &c->tok[t - 1], (const char *const[]){"wij", "we", "jullie", NULL}))));
	}
	int when = -1; /* a time of day or an event's date in the text: read once, when first asked */
	for (size_t i = 0; i < r->n; i++) {
		struct scan_finding *x = &r->v[i];
		if ((x->type != SCAN_ADDRESS && x->type != SCAN_PHONE) || x->confidence < SCAN_COUNT_CONF ||
		    x->confidence >= 0.9)
			continue;
		/* after batch 31: a landline in a post with no one in it at all
		 * ("Nieuw telefoonnummer zorgcentrale: 088 … Het oude nummer (053-…)",
		 * "De Zonnebloem zoekt chauffeurs! Bel 076 …") is an organisation's */
		if (x->type == SCAN_PHONE && x->confidence < 0.75 && !someone) {
			x->confidence = 0.4;
			continue;
		}
		/* after batch 35: an address in such a post with opening hours or a
		 * time ("Kerstmarkt ..., zaterdag van 11 tot 16 uur, Apeldoornseweg
		 * 240", "de kinderboerderij aan de Spoorlaan 7 open van 10 tot 16
		 * uur") is where something happens */
		if (x->type == SCAN_ADDRESS && !someone && when < 0)
			when = clock_time(c) || event_date(c) ||
			       /* wave 29 (batch 122): "tijdens de openingstijden" */
			       span_has(c, 0, c->len, (const char *const[]){"openingstijden", "openingsuren", NULL});
		if (x->type == SCAN_ADDRESS && !someone && when > 0) {
			x->confidence = 0.4;
			continue;
		}
		size_t s = sentence_of(c, x->start);
		bool org = false;
		for (size_t t = 0; t < c->ntok && !org && c->tok[t].s < x->start; t++)
			/* (after batch 40, or one that opens the post: "Hospice De
			 * Vlinder zoekt vrijwilligers ... Kennismaken kan op Parklaan 12") */
			org = ((c->tok[t].sent == s || c->tok[t].sent + 1 == s || (c->tok[t].sent == 0 && t < 3)) &&
			       (orgish(c, t) || (c->tok[t].flags & W_DEPT) ||
			        /* after batch 31: "ons nieuwe hospice aan de Beukenlaan 6" */
			        ((c->tok[t].flags & W_ORG) && t > 0 &&
			         tok_in(c, &c->tok[t - 1], (const char *const[]){"ons", "onze", "nieuwe", "nieuw", NULL})))) ||
			      /* wave 20, the last pass: a library, church, school or
			       * club named anywhere before ("Bibliotheek Venlo zoekt ...
			       * in de bieb, Nieuwstraat 26") */
			      (late && tok_in(c, &c->tok[t], venue_kinds));
		if (org)
			x->confidence = 0.4;
	}
}

/*
 * After batches 33 and 34: a team's or an organisation's own post ("Rooster
 * kerstweek team Oost: 24/12 avond Marco en Ingrid", "Vandaag 25 jaar in
 * dienst: onze Hennie van Loon!", "Welkom aan onze nieuwe collega's: Lotte
 * Smeets (verzorgende), ...") names its staff.  When a post speaks of its
 * team (a team word; a staff role is not enough: "De huisarts heeft
 * Jan-Willem doorverwezen") and of no private person (no family
 * word, no client's title, no "mijn", and nothing counted but names and
 * contact lines), its names and lines are staff's.  After the health words.
 */
/*
 * After batch 44: years of service are no age ("Jubilea december: Anja
 * Mulder 12,5 jaar, Erik Smits 25 jaar en Fatima El Amrani 40 jaar in
 * dienst"): an age in years in a sentence that says "in dienst" or names a
 * jubilee is demoted.  Before demote_team_post, which then reads the post
 * as the team's.
 */
/* Token t is "dienst" after "in" ("25 jaar in dienst"). */
static bool in_dienst(const struct ctx *c, size_t t)
{
	return t > 0 && c->tok[t].e - c->tok[t].s == 6 && !strncmp(c->t + c->tok[t].s, "dienst", 6) &&
	       c->tok[t - 1].e - c->tok[t - 1].s == 2 && !strncmp(c->t + c->tok[t - 1].s, "in", 2);
}

static void demote_service_years(struct ctx *c)
{
	static const char *const jub[] = {"jubileum", "jubilea", "jubilaris", "jubilarissen", "dienstjubileum",
		"dienstjaren", "jubileren", "jubileert", NULL};
	struct scan_result *r = c->out;
	size_t done = SIZE_MAX;
	bool service = false;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_DATE_OF_BIRTH || x->confidence < SCAN_COUNT_CONF || x->end - x->start < 6 ||
		    memcmp(c->t + x->end - 4, "jaar", 4) != 0)
			continue;
		size_t s = sentence_of(c, x->start);
		if (s != done) {
			done = s;
			service = false;
			size_t t = tok_first_at(c, c->sent_at[s]);
			for (; t < c->ntok && c->tok[t].sent == s && !service; t++)
				service = tok_in(c, &c->tok[t], jub) || (t > 0 && c->tok[t - 1].sent == s && in_dienst(c, t));
		}
		/* wave 31 (batch 134): the years of a job right after them ("Harm
		 * Kuipers, 22 jaar nachtwaker bij ons", "40 jaar vrijwilliger") */
		size_t k = tok_first_at(c, x->end);
		if (!service && k < c->ntok && c->tok[k].sent == s && only_space(c, x->end, c->tok[k].s) &&
		    (work_word(c, &c->tok[k]) || (c->tok[k].flags & W_ROLE) ||
		     tok_in(c, &c->tok[k], (const char *const[]){"lid", "nachtwaker", "werkzaam", "collega", NULL})))
			x->confidence = 0.4;
		if (service)
			x->confidence = 0.4;
	}
}

/*
 * After batch 45: a memorial for everyone ("Herdenking in de kapel voor alle
 * bewoners die dit jaar zijn overleden ... Familie is van harte welkom"):
 * the health (deaths) of a sentence with "alle" or "iedereen" in a post that
 * announces a memorial, where no name, title, "mijn" or "ik" is in that
 * sentence, is no one's.
 */
static void demote_memorial(struct ctx *c)
{
	static const char *const mem[] = {"herdenking", "gedenkdienst", "lichtjesavond", "allerzielen", "gedenkmoment",
		"gedenkavond", NULL};
	/* (wave 21, from batch 72: the group remembered, "voor de bewoners die
	 * het afgelopen jaar zijn overleden") */
	static const char *const all[] = {"alle", "iedereen", "allen", "bewoners", "cliënten", "clienten", "deelnemers",
		"leden", "patiënten", "dierbaren", "overledenen", "gemeenteleden", "parochianen", "gasten", NULL};
	/* (only a counted health finding is demoted: without one the text is not
	 * read; then the words' cores first: nearly every post has none) */
	bool health = false;
	for (size_t j = 0; j < c->out->n && !health; j++)
		health = c->out->v[j].type == SCAN_HEALTH && c->out->v[j].confidence >= SCAN_COUNT_CONF;
	if (!health)
		return;
	if (!memmem(c->t, c->len, "erdenking", 9) && !memmem(c->t, c->len, "edenk", 5) &&
	    !memmem(c->t, c->len, "llerzielen", 10) && !memmem(c->t, c->len, "ichtjesavond", 12))
		return;
	bool memorial = false;
	/* (wave 21: the compounds by their head, "Herdenkingsdienst",
	 * "herdenkingsbijeenkomst": tok_in reads no word of 16 bytes or more) */
	for (size_t t = 0; t < c->ntok && !memorial; t++)
		memorial = tok_in(c, &c->tok[t], mem) ||
		           (c->tok[t].e - c->tok[t].s > 10 && !memcmp(c->lt + c->tok[t].s, "herdenking", 10));
	if (!memorial)
		return;
	/* (the findings are sorted by start here: each sentence is read once) */
	struct scan_result *r = c->out;
	size_t done = SIZE_MAX;
	bool nobody = false;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t s = sentence_of(c, x->start);
		if (s != done) {
			done = s;
			size_t a = c->sent_at[s], b = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
			bool everyone = false, someone = false;
			for (size_t t = tok_first_at(c, a); t < c->ntok && c->tok[t].sent == s && !someone; t++) {
				const struct tok *k = &c->tok[t];
				bool group = tok_in(c, k, all);
				everyone = everyone || group;
				someone = ((k->flags & W_TITLE) && !group) || tok_in(c, k, (const char *const[]){"mijn", "m'n", "mn", NULL}) ||
				          tok_is_ik(c, k);
			}
			for (size_t f = finding_first_at(c, r->n, a); f < r->n && r->v[f].start < b && !someone; f++)
				someone = r->v[f].type == SCAN_NAME && r->v[f].confidence >= SCAN_COUNT_CONF;
			nobody = everyone && !someone;
		}
		if (nobody)
			x->confidence = 0.4;
	}
}

/* The counted findings are names, and phone numbers and e-mail addresses
 * that are not private (a personal mail domain; with `mobiles`, a mobile
 * number too), and at least one name. */
static bool names_and_work_contacts(const struct ctx *c, bool mobiles)
{
	const struct scan_result *r = c->out;
	bool names = false;
	for (size_t j = 0; j < r->n; j++) {
		const struct scan_finding *x = &r->v[j];
		if (x->confidence < SCAN_COUNT_CONF)
			continue;
		if (x->type == SCAN_NAME)
			names = true;
		else if ((x->type != SCAN_PHONE && x->type != SCAN_EMAIL) || (x->type == SCAN_EMAIL && personal_mail(c, x)) ||
		         (mobiles && x->type == SCAN_PHONE &&
		          (c->t[x->start] == '+' ||
		           (x->end - x->start >= 2 && c->t[x->start] == '0' && c->t[x->start + 1] == '6'))))
			return false;
	}
	return names;
}

static void demote_team_post(struct ctx *c)
{
	struct scan_result *r = c->out;
	if (!names_and_work_contacts(c, false))
		return;
	/* someone's illness or fall, even where no health word was counted
	 * ("Lisanne valt uit na haar val met de fiets. Ze herstelt thuis") */
	static const char *const unwell[] = {"ziek", "zieke", "ziekgemeld", "herstelt", "herstellen", "uitgevallen",
		"val", "gevallen", "ongeluk", "overleden", "beterschap", "sterkte", "ziekenhuis", NULL};
	static const char *const team[] = {"rooster", "collega", "collega's", "team", "teampost", "teamkamer",
		"teamoverleg", "medewerkers", "vrijwilligers", "jubileum", "jubilaris", "spreekuur", "bestuur",
		"rondleiding", "rondleidingen", "aandachtsvelder", "aandachtsvelders", "personeel", "werkgroep",
		"ondernemingsraad", "dienstrooster", "nachtdienst", "avonddienst", "vroege", "late", "ruilen",
		/* after batch 35 */
		"personeelsnieuws", "stagiairs", "stagiaires", "medewerker", "vrijwilliger", "locatiemanager",
		"planner", "dienstauto",
		/* after batch 42: "Wie wil er in de kerstcommissie? Bas, Nicole en Ilona ..." */
		"commissie", "kerstcommissie", "feestcommissie", "activiteitencommissie", "personeelsvereniging",
		"personeelsavond", "teamuitje", "kerstpakket", "kerstborrel",
		/* after batch 43: "Vandaag beginnen vier nieuwe BBL-leerlingen ... Welkom Tim, Layla, Bo en Stefan!" */
		"bbl-leerlingen", "bbl-leerling", "bol-leerlingen", "bol-leerling", "bbl'ers", "stagiair", "stagiaire",
		"leerling-verpleegkundige", "leerling-verpleegkundigen", "inwerkperiode", NULL};
	static const char *const mine[] = {"mijn", "m'n", "mn", "me", "mij", NULL};
	bool teamv = false;
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		if ((k->flags & W_FAMILY) || ((k->flags & W_TITLE) && !(k->flags & W_ROLE)) || tok_in(c, k, mine) ||
		    tok_in(c, k, unwell))
			return;
		teamv = teamv || tok_in(c, k, team) ||
		        /* "25 jaar in dienst" */
		        in_dienst(c, t);
	}
	if (!teamv)
		return;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->confidence >= SCAN_COUNT_CONF)
			x->confidence = x->type == SCAN_NAME ? STAFF_CONF : 0.4;
	}
}

/*
 * After batches 37 and 38: a case for teaching or peer review about no one
 * ("Casus intervisie: een cliënt met beginnende dementie laat de thuiszorg
 * niet binnen", "Casus uit de literatuur: een vrouw met ernstige anorexia
 * ..."): the case is announced as one, its person is "een ..." and nothing
 * else counted points at someone (a name, an age, a room, an address or a
 * number keeps the health: "Casus voor het MDO: Kevin (15), ADHD ...").
 */
static void demote_training_case(struct ctx *c)
{
	struct scan_result *r = c->out;
	bool any = false, others = false;
	for (size_t j = 0; j < r->n; j++) {
		const struct scan_finding *x = &r->v[j];
		if (x->confidence < SCAN_COUNT_CONF)
			continue;
		any = true;
		if (x->type != SCAN_HEALTH && x->type != SCAN_DATE_OF_BIRTH)
			others = true;
	}
	if (!any)
		return;
	/* after batch 40: "(fictief, 68)", "(gefingeerd)", "Anonieme casus",
	 * "Patiënt X" */
	static const char *const marks[] = {"verzonnen", "fictief", "fictieve", "geanonimiseerd", "geanonimiseerde",
		"gefingeerd", "gefingeerde", NULL};
	static const char *const who[] = {"patiënt", "patient", "cliënt", "client", "mevrouw", "meneer", "bewoner",
		"bewoonster", "mw", "dhr", "casus", NULL};
	bool casus = false, marked = false, some_one = false;
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		size_t n = k->e - k->s;
		if ((k->flags & W_FAMILY) && t > 0 &&
		    tok_in(c, &c->tok[t - 1], (const char *const[]){"mijn", "m'n", "mn", "onze", "ons", NULL}))
			return; /* "mijn moeder": someone's */
		/* "Casus intervisie", "Oefencasus", "Anonieme casus" opening the post
		 * ("Collega Mireille vroeg of ik haar casus hier wil delen" is no case) */
		if (t < 3 && n >= 5 && n < 40 && memmem(c->t + k->s, n, "asus", 4) &&
		    (c->t[k->s] | 0x20) != 'a') {
			char low[40];
			memcpy(low, c->lt + k->s, n);
			casus |= memmem(low, n, "casus", 5) != NULL;
		}
		if (tok_in(c, k, marks))
			marked = true;
		if (n == 1 && c->t[k->s] == 'X' && t > 0 && c->tok[t - 1].sent == k->sent && tok_in(c, &c->tok[t - 1], who))
			marked = true;
		if (n == 3 && !memcmp(c->lt + k->s, "een", 3))
			some_one = true;
	}
	/* an invented person, said so: their name, age, health and room are no
	 * one's ("Anonieme vraag, maar ik ben Bas uit Emmen" is someone) */
	bool all = marked && (casus || !others);
	if (!all && !(casus && some_one && !others))
		return;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->confidence >= SCAN_COUNT_CONF &&
		    (x->type == SCAN_HEALTH || x->type == SCAN_DATE_OF_BIRTH ||
		     (all && (x->type == SCAN_NAME || x->type == SCAN_ROOM))))
			x->confidence = 0.4;
	}
}

/*
 * After batch 40: a public figure's own health told in the news ("Tv-
 * presentator Bram Overbeek vertelt in zijn nieuwe boek openlijk over zijn
 * depressie"): when the only person named is one a public role names, and
 * nothing else counted points at a private person, the health is theirs.
 */
/* Wave 27 (batch 116): a player's place in the sports news ("Keeper Lars
 * Oudejans", "de middenvelder"); not a club's own ("onze keeper Youssef"). */
static bool sports_role(const struct ctx *c, const struct tok *k)
{
	static const char *const players[] = {"keeper", "doelman", "middenvelder", "spits", "aanvaller", "verdediger",
		"aanvoerder", "aanvoerster", "international", "topscorer", "hockeyer", "hockeyster", "handballer",
		"volleyballer", "basketballer", "judoka", "turner", "turnster", "roeier", "bokser", "coureur",
		"marathonloper", "verdedigster", "linksback", "rechtsback", "wingback", "spelmaker", "doelvrouw", NULL};
	if (!tok_in(c, k, players))
		return false;
	size_t i = (size_t)(k - c->tok);
	return !(i > 0 && c->tok[i - 1].sent == k->sent &&
	         tok_in(c, &c->tok[i - 1], (const char *const[]){"onze", "ons", "mijn", "m'n", "mn", "zijn", "haar",
	                                                         "hun", "jullie", "our", "my", NULL}));
}

static bool public_role(const struct ctx *c, const struct tok *k)
{
	static const char *const pub[] = {"presentator", "presentatrice", "schaatser", "schaatsster", "zanger",
		"zangeres", "acteur", "actrice", "voetballer", "voetbalster", "wielrenner", "tennisser", "tennisster",
		"atleet", "zwemmer", "zwemster", "minister", "staatssecretaris", "premier", "koning", "koningin",
		"prinses", "prins", "kamerlid", "schrijver", "schrijfster", "cabaretier", "artiest", "influencer",
		"youtuber", "rapper", "dj", "presentatoren", "sporter", "olympiër", "kampioen", "wereldkampioen",
		"bn'er", "komiek", "musicus", "dirigent", "politicus", "oud-minister", "burgemeester",
		/* wave 22 ("Het bekende tv-gezicht Jan-Willem ...") */
		"gezicht", "wethouder", "gedeputeerde", "senator", "fractievoorzitter", "partijleider", "journalist",
		"columnist", "podcaster", "vlogger", "popster", "bondscoach", "volkszanger", "cabaretière",
		/* wave 27 (batch 119): the arts, patrons, and the Bible's people */
		"schilder", "schilderes", "kunstenaar", "kunstenares", "beeldhouwer", "beeldhouwster", "dichter",
		"dichteres", "componist", "pianist", "pianiste", "violist", "violiste", "regisseur", "regisseuse",
		"beschermvrouwe", "beschermheer", "evangelist", "apostel", "profeet", "heilige", "paus", "keizer", "keizerin",
		/* wave 31 (batch 130) */ "atlete", "paralympiër", "paralympier", "olympiër", "topsporter", "sportster", "international",
		NULL};
	/* the word or a compound ending in it: wave 25 (batch 107) "Gemeenteraadslid
	 * Sevgi Demir", "Statenlid"; wave 31 "Popzanger Kevin Tan", "Volkszangeres",
	 * "Schaatslegende Ard Wiersma (76)" */
	static const char *const heads[] = {"raadslid", "statenlid", "zanger", "zangeres", "atleet", "atlete",
		"sporter", "acteur", "actrice", "legende",
		/* round 23 (batch 145): "oud-profvoetballer Sjors Lambregts" */
		"voetballer", "voetbalster", "wielrenner", "schaatser", "schrijver", "schrijfster",
		/* round 26 (batch 149): "oud-zwemkampioene Liesbeth Vaessen" */
		"kampioen", "kampioene", "zwemmer", "zwemster", NULL};
	size_t n = k->e - k->s;
	if (n < 2 || n >= 48)
		return false;
	const char *h = memrchr(c->t + k->s, '-', n);
	size_t from = h ? (size_t)(h + 1 - c->t) : k->s;
	char low[48];
	memcpy(low, c->lt + from, k->e - from);
	low[k->e - from] = '\0';
	size_t m = k->e - from;
	for (const char *const *hd = heads; *hd; hd++) {
		size_t hn = strlen(*hd);
		if (m >= hn && !strcmp(low + m - hn, *hd))
			return true;
	}
	/* round 19 (batch 140): a club's player, "FC Twente-speler Jesper
	 * Kuipers" (a club's own, "onze keeper Bram", is no public figure) */
	if (h && c->t[k->s] >= 'A' && c->t[k->s] <= 'Z' &&
	    (!strcmp(low, "speler") || !strcmp(low, "speelster") || !strcmp(low, "keeper") ||
	     !strcmp(low, "aanvoerder") || !strcmp(low, "aanvoerster")))
		return true;
	/* ("Tv-kok Henk Bakkenes (79)", "tv-dokter") */
	if (h && h - (c->t + k->s) == 2 && !memcmp(c->lt + k->s, "tv", 2))
		return true;
	return in_list(low, pub) || sports_role(c, k);
}

static void demote_public_health(struct ctx *c)
{
	struct scan_result *r = c->out;
	bool public = false;
	for (size_t j = 0; j < r->n; j++) {
		const struct scan_finding *x = &r->v[j];
		if (x->type == SCAN_HEALTH && x->confidence >= SCAN_COUNT_CONF)
			continue;
		/* wave 22: the public figure's own age right after the name
		 * ("oud-voetballer Piet Rijnders (78) heeft alzheimer") */
		if (x->type == SCAN_DATE_OF_BIRTH && j > 0 && r->v[j - 1].type == SCAN_NAME && x->start >= r->v[j - 1].end &&
		    x->start - r->v[j - 1].end <= 3)
			continue;
		/* wave 27 (batch 119): or in the name's sentence after it ("schrijfster
		 * Hanna Vermeer-Oost, ..., die op 84-jarige leeftijd is overleden") */
		if (x->type == SCAN_DATE_OF_BIRTH && j > 0 && r->v[j - 1].type == SCAN_NAME &&
		    sentence_of(c, x->start) == sentence_of(c, r->v[j - 1].start))
			continue;
		/* wave 31 (batch 130): or the next sentence's, about them ("Oud-minister
		 * Pieter Zandstra is ... overleden. Hij werd 84.") */
		if (x->type == SCAN_DATE_OF_BIRTH && public && late_he_she(c, x->start))
			continue;
		if (x->type != SCAN_NAME && x->confidence >= SCAN_COUNT_CONF)
			return;
		/* (a thing's or an animal's name, below staff's, names no one:
		 * "Voetballer Mo El Idrissi van Willem II") */
		if (x->type != SCAN_NAME || x->confidence < STAFF_CONF)
			continue;
		size_t t = tok_first_at(c, x->start);
		bool pub = t > 0 && t < c->ntok && c->tok[t - 1].sent == c->tok[t].sent && public_role(c, &c->tok[t - 1]);
		/* wave 31 (batch 130): the figure again by their surname ("Zandstra
		 * was van 1994 tot 1998 ..."), and who stands in for them ("wordt
		 * drie maanden vervangen door Anja Ruitenberg") */
		if (!pub && public && t < c->ntok)
			for (size_t k2 = 0; k2 < j && !pub; k2++) {
				const struct scan_finding *y = &r->v[k2];
				pub = y->type == SCAN_NAME && y->end - y->start > x->end - x->start &&
				      c->t[y->end - (x->end - x->start) - 1] == ' ' &&
				      !memcmp(c->t + y->end - (x->end - x->start), c->t + x->start, x->end - x->start);
			}
		/* wave 31 (batch 136): the figure again by their first name, where the
		 * rules left the whole name out ("aanvoerder Thijs Oude Luttikhuis
		 * ... Beterschap, Thijs!") */
		for (size_t u = 1; !pub && u < t && t < c->ntok; u++)
			pub = c->tok[u].e - c->tok[u].s == x->end - x->start && c->tok[u - 1].sent == c->tok[u].sent &&
			      !memcmp(c->t + c->tok[u].s, c->t + x->start, x->end - x->start) &&
			      public_role(c, &c->tok[u - 1]);
		/* (a name the rules read in two parts: "oud-international Rafael |
		 * van der Heijden") */
		if (!pub && public && j > 0 && r->v[j - 1].type == SCAN_NAME && r->v[j - 1].end < x->start &&
		    only_space(c, r->v[j - 1].end, x->start))
			pub = true;
		if (!pub && public && t >= 2 && t < c->ntok && c->tok[t - 2].sent == c->tok[t].sent &&
		    tok_in(c, &c->tok[t - 1], (const char *const[]){"door", NULL}) &&
		    tok_in(c, &c->tok[t - 2], (const char *const[]){"vervangen", "opgevolgd", "waargenomen", NULL}))
			pub = true;
		/* wave 27 (batch 116): the role after the name in its sentence,
		 * "zonder Jurriën van Maanen stellen: de middenvelder liep ..." */
		for (size_t u = t + 1; !pub && u < c->ntok && c->tok[u].sent == c->tok[t].sent; u++)
			pub = c->tok[u].s >= x->end && tok_in(c, &c->tok[u - 1], (const char *const[]){"de", NULL}) &&
			      sports_role(c, &c->tok[u]);
		/* round 26 (batch 149): in apposition, "Quinty Janssen, de
		 * paralympische zwemster uit Roermond" */
		size_t a = tok_first_at(c, x->end);
		if (!pub && x->end < c->len && c->t[x->end] == ',' && a + 1 < c->ntok && c->tok[a].sent == c->tok[t].sent &&
		    tok_in(c, &c->tok[a], (const char *const[]){"de", NULL})) {
			size_t r2 = a + 1;
			if (r2 + 1 < c->ntok && !c->tok[r2].cap && c->tok[r2 + 1].sent == c->tok[a].sent &&
			    !public_role(c, &c->tok[r2]))
				r2++; /* one adjective */
			pub = c->tok[r2].sent == c->tok[a].sent && public_role(c, &c->tok[r2]);
		}
		if (!pub)
			return; /* someone else is named */
		public = true;
	}
	/* (wave 27, batch 116: a public figure named without health too, "Oranje
	 * moet het zonder Jurriën van Maanen stellen: de middenvelder ...") */
	if (!public)
		return;
	/* (wave 22: the figure's partner or family after "zijn", "haar", "hun"
	 * speaks for them: "vertelt zijn vrouw", "rust voor haar en haar
	 * familie") */
	static const char *const theirs[] = {"zijn", "z'n", "haar", "hun", NULL};
	/* (only those who speak for the figure: "zijn moeder" is a private person) */
	static const char *const kin[] = {"familie", "gezin", "vrouw", "man", "partner", "echtgenote", "echtgenoot",
		"nabestaanden", NULL};
	/* (wave 27, batch 119: the figure's own words in quotes are theirs,
	 * "Hij sprak over zijn gokverslaving: 'Ik schaamde me kapot'") */
	bool quoted = false;
	size_t qp = 0;
	for (size_t t = 0; t < c->ntok; t++) {
		for (; qp < c->tok[t].s; qp++)
			if ((c->t[qp] == '\'' && (qp == 0 || !is_letter_byte(c->t, qp - 1, c->len))) ||
			    (c->t[qp] == '\'' && quoted && (qp + 1 >= c->len || !is_letter_byte(c->t, qp + 1, c->len))) ||
			    c->t[qp] == '"')
				quoted = !quoted;
		if (quoted)
			continue;
		bool own = t > 0 && c->tok[t - 1].sent == c->tok[t].sent && tok_in(c, &c->tok[t - 1], theirs) &&
		           tok_in(c, &c->tok[t], kin);
		if (((c->tok[t].flags & W_FAMILY) && !own) ||
		    ((c->tok[t].flags & W_TITLE) && !(c->tok[t].flags & (W_ROLE | W_FAMILY)) && !own) ||
		    tok_in(c, &c->tok[t], firstp))
			return;
	}
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].confidence >= SCAN_COUNT_CONF)
			r->v[j].confidence = 0.4;
}

/* After batch 38: "niet ziek hoor, gewoon op huwelijksreis": an illness
 * said not to be is none */
static void demote_not_ill(struct ctx *c)
{
	static const char *const ill[] = {"ziek", "verkouden", "misselijk", NULL};
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t t = tok_first_at(c, x->start);
		if (t == 0 || t >= c->ntok || c->tok[t].s != x->start || c->tok[t].e != x->end ||
		    c->tok[t - 1].sent != c->tok[t].sent || !tok_in(c, &c->tok[t], ill) ||
		    !tok_in(c, &c->tok[t - 1], (const char *const[]){"niet", "nie", NULL}))
			continue;
		x->confidence = 0.4;
	}
}

/* After batches 39 and 42: figures of speech with a body in them.  A pain
 * from laughing is one in its whole sentence ("mijn buik doet nog pijn van
 * het lachen"); the others only where they stand ("Die meid heeft het hart
 * op de tong", "met pijn in het hart laten we weten dat ... is overleden"
 * keeps the death). */
/* Sentence s speaks of the writer ("ik") and of no one else: no family word,
 * no title, no counted name. */
static bool writer_alone(const struct ctx *c, size_t s)
{
	bool ik = false;
	for (size_t t = tok_first_at(c, c->sent_at[s]); t < c->ntok && c->tok[t].sent == s; t++) {
		const struct tok *k = &c->tok[t];
		if (k->flags & (W_FAMILY | W_TITLE))
			return false;
		ik = ik || tok_is_ik(c, k);
	}
	size_t a = c->sent_at[s], b = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
	for (size_t j = 0; j < c->out->n; j++) {
		const struct scan_finding *x = &c->out->v[j];
		if (x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF && x->start >= a && x->start < b)
			return false;
	}
	return ik;
}

static void demote_figures(struct ctx *c)
{
	static const struct lit figs[] = {LIT("van het lachen"), LIT("hart op de tong"), LIT("hart op de goede plek"),
		LIT("hart op de juiste plek"), LIT("hart op de goede plaats"), LIT("hart van goud"),
		LIT("hart onder de riem"), LIT("pijn in het hart"), LIT("pijn in mijn hart"), LIT("doodgeboren kindje"),
		/* after batch 44: "Hij is zo doof als een kwartel als het op afwassen aankomt" */
		LIT("doof als een kwartel"), LIT("blind als een mol"), LIT("ziende blind"),
		/* after batch 53: a fright ("elke ochtend een hartverzakking als ik mijn
		 * rooster open") */
		LIT("hartverzakking"),
		/* after batch 56: "ben ik zelf rijp voor de IC", "Mijn telefoon ligt op
		 * sterven" */
		LIT("rijp voor de IC"), LIT("rijp voor de ic"), LIT("telefoon ligt op sterven"),
		LIT("accu ligt op sterven"), LIT("batterij ligt op sterven"),
		/* after batch 43: the writer lost in a thing ("Ik ben echt de weg kwijt
		 * in dat nieuwe roosterprogramma"), not someone lost in the street: these
		 * from FIG_WRITER on only in a sentence of "ik" with no one else in it;
		 * after batch 53, the writer's near heart attack at a penalty */
		LIT("de weg kwijt in "), LIT("de weg kwijt met "), LIT("bijna een hartinfarct"),
		LIT("bijna een hartaanval"), LIT("bijna een hartstilstand"),
		/* after batch 58: "Ik ben er ziek van, zonder koffie ..." */
		LIT("ben er ziek van"), LIT("word er ziek van"),
		/* wave 21 (batch 76): "zo moe dat ik er depressief van word" */
		LIT("er depressief van"), LIT("er doodmoe van"), LIT("er gek van")};
	const size_t FIG_WRITER = sizeof figs / sizeof figs[0] - 10;
	struct scan_result *r = c->out;
	/* (only a counted health finding is demoted: without one the text is not read) */
	if (!counted_in(r, r->n, SCAN_HEALTH))
		return;
	for (size_t f = 0; f < sizeof figs / sizeof figs[0]; f++) {
		for (const char *p = memmem(c->t, c->len, figs[f].s, figs[f].n); p;
		     p = memmem(p + 1, (size_t)(c->t + c->len - p - 1), figs[f].s, figs[f].n)) {
			size_t a = (size_t)(p - c->t), b = a + figs[f].n;
			if (f == 0) {
				size_t s = sentence_of(c, a);
				a = c->sent_at[s];
				b = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
			}
			if (f >= FIG_WRITER && !writer_alone(c, sentence_of(c, a)))
				continue;
			for (size_t j = 0; j < r->n; j++)
				if (r->v[j].type == SCAN_HEALTH && r->v[j].confidence >= SCAN_COUNT_CONF && r->v[j].start >= a &&
				    r->v[j].end <= b)
					r->v[j].confidence = 0.4;
		}
	}
}

/*
 * After batch 48, after the health model (scan_names' lists fed its rows):
 * an animal or a thing named like a person that those lists did not know —
 * a compound or plural ("Schoolhond Sjors", "Onze ezels Pim en Pam", "Ons
 * lammetje Fatima"), an app or a chatbot ("Onze zelfhulp-app heet Ella"), or
 * the name before ", de therapiehond" ("Dit is Bolle, de therapiehond").
 */
static bool animal_read(const struct ctx *c, const struct tok *k);

/* (named_being asks about the same words for every name near them) */
static bool animal_word(const struct ctx *c, const struct tok *k)
{
	size_t t = (size_t)(k - c->tok);
	if (!c->animal_memo[t])
		c->animal_memo[t] = animal_read(c, k) ? 2 : 1;
	return c->animal_memo[t] == 2;
}

static const char *const animals[] = {"ezels", "lam", "lammetje", "lammetjes", "lammeren", "geitje", "geitjes",
	"geiten", "schapen", "schaapje", "schaapjes", "varkens", "varkentje", "paarden", "koeien", "kalfje",
	"pony's", /* wave 21 (batch 72: "twee alpaca's ...: Karel en Loesje") */ "alpaca", "alpaca's",
	"lama", "lama's", "eenden", "eendjes", "ganzen", "kalkoenen", "herten", "hertjes", "cavia's", "kuikens",
	"kuikentjes", "papegaai", "parkiet", "parkieten", "kanarie", "vissen", "goudvis", "goudvissen", NULL};
static struct wset animal_set = WSET(animals);
/* after batch 50 and 51, plants and storms ("De yucca heet nu 'Zuster
 * Yvonne'", "Door storm Bert ...") */
static const char *const beings[] = {"chatbot", "chatbots", "robot", "robots", "storm", "orkaan", "plant",
	"planten", "yucca", "cactus", "ficus", "monstera", "boom", "boompje", NULL};
static struct wset being_set = WSET(beings);

static bool animal_read(const struct ctx *c, const struct tok *k)
{
	if ((k->flags & W_PET) || pet_compound(c, k))
		return true;
	if (tok_in_set(c, k, &animal_set))
		return true;
	size_t n = k->e - k->s;
	/* compounds: "schoolhond", "zorghonden" */
	return n >= 7 && (!memcmp(c->lt + k->e - 4, "hond", 4) || !memcmp(c->lt + k->e - 6, "honden", 6));
}

static bool being_word(const struct ctx *c, const struct tok *k)
{
	if (animal_word(c, k) || thing_word(c, k) || tok_in_set(c, k, &being_set))
		return true;
	size_t n = k->e - k->s;
	const char *w = c->t + k->s;
	/* "zelfhulp-app", "zorg-bot", "zorgbot"; "empathiepoppen" */
	return (n >= 7 && (!strncasecmp(w + n - 4, "-app", 4) || !strncasecmp(w + n - 4, "-bot", 4) ||
	                   !strncasecmp(w + n - 6, "poppen", 6))) ||
	       (n >= 6 && !strncasecmp(w + n - 3, "bot", 3) && (lookup(w, n - 3) & W_LEX));
}

/* A quotation mark opens at t[p] (' " and the curly ones), or closes
 * where t[p] is. */
static bool quote_opens_before(const struct ctx *c, size_t p)
{
	const unsigned char *u = (const unsigned char *)c->t;
	if (p >= 1 && (u[p - 1] == '\'' || u[p - 1] == '"'))
		return true;
	return p >= 3 && u[p - 3] == 0xE2 && u[p - 2] == 0x80 && (u[p - 1] == 0x98 || u[p - 1] == 0x9C);
}

static bool quote_closes_at(const struct ctx *c, size_t p)
{
	const unsigned char *u = (const unsigned char *)c->t;
	if (p < c->len && (u[p] == '\'' || u[p] == '"'))
		return true;
	return p + 2 < c->len && u[p] == 0xE2 && u[p + 1] == 0x80 && (u[p + 2] == 0x99 || u[p + 2] == 0x9D);
}

/*
 * Wave 31 (batches 120-129): a name in quotation marks right after a word
 * that names ("Ons logeerhuis heet 'Pippi'", "heet 'Huis van Anna'",
 * "doopten hem 'Grote Gerrit'") or right before one ("dat de bewoners
 * 'meneer Jansen' noemen", "door iedereen 'Karel' genoemd") is what a
 * thing is called: 25 of 25 such in the labelled texts, none a person's.
 */
static bool quoted_given_name(const struct ctx *c, size_t i, size_t last)
{
	static const char *const naming[] = {"heet", "heette", "heten", "noemen", "noemt", "noemde", "noemden",
		"genoemd", "gedoopt", "omgedoopt", "doopten", "doopte", NULL};
	size_t s = c->tok[i].sent, open = NONE, close = NONE;
	for (size_t b = i; b + 3 >= i && open == NONE; b--) {
		if (c->tok[b].sent != s)
			break;
		if (quote_opens_before(c, c->tok[b].s))
			open = b;
		if (b == 0)
			break;
	}
	for (size_t e = last; e < c->ntok && e <= last + 3 && c->tok[e].sent == s && close == NONE; e++)
		if (quote_closes_at(c, c->tok[e].e))
			close = e;
	if (open == NONE || close == NONE)
		return false;
	/* wave 31 (batch 131): the whole name quoted in a sentence about an
	 * animal or a thing ("onze herdershond 'Kees'", "een knuffelrobot uit,
	 * 'Opa Joop', voor ...", "'Meneer Jansen' (de rode kater ...)") */
	if (open == i && close == last)
		for (size_t b = tok_first_at(c, c->sent_at[s]); b < c->ntok && c->tok[b].sent == s; b++)
			if ((b < i || b > last) && being_word(c, &c->tok[b]) && !thing_aside(c, b, i))
				return true;
	/* the naming word before the quote ("doopten hem 'X'", "doopten de nieuwe
	 * bus 'X'": up to three words between) */
	for (size_t h = open; h-- > 0 && h + 4 >= open && c->tok[h].sent == s;)
		if (tok_in(c, &c->tok[h], naming))
			return true;
	return close + 1 < c->ntok && c->tok[close + 1].sent == s && tok_in(c, &c->tok[close + 1], naming);
}

/* The name whose first token is i is a being's: an animal's or a thing's. */
static bool named_being(const struct ctx *c, size_t i, size_t last)
{
	const struct tok *k = &c->tok[i];
	if (quoted_given_name(c, i, last))
		return true;
	/* "Onze zelfhulp-app heet Ella", "De chatbot op onze site heet Zorgie",
	 * "De yucca heet nu 'Zuster Yvonne'" (a title too) */
	/* (after batch 55, "hebben hem Harrie gedoopt", "omgedoopt tot Sjaak") */
	static const char *const baptise[] = {"gedoopt", "omgedoopt", "doopten", "genoemd", NULL};
	/* (the being may be in the sentence before: "Nieuw: knuffelrobot Paro.
	 * De bewoners hebben hem meteen omgedoopt tot Sjaak") */
	if (last + 1 < c->ntok && c->tok[last + 1].sent == k->sent && tok_in(c, &c->tok[last + 1], baptise))
		for (size_t b = i; b-- > 0 && b + 24 >= i && c->tok[b].sent + 1 >= k->sent;)
			if (being_word(c, &c->tok[b]))
				return true;
	for (size_t h = i; h-- > 0 && h + 2 >= i && c->tok[h].sent == k->sent;)
		if ((c->tok[h].flags & W_NAMEVERB) || tok_in(c, &c->tok[h], baptise)) {
			for (size_t b = h; b-- > 0 && b + 12 >= h && c->tok[b].sent + 1 >= k->sent;)
				if (being_word(c, &c->tok[b]) && !thing_aside(c, b, i))
					return true;
			break;
		}
	if (k->flags & (W_TITLE | W_FAMILY))
		return false;
	/* "Onze ezels Pim", "Schoolhond Sjors"; the next of a list, "Pim en Pam" */
	if (i > 0 && c->tok[i - 1].sent == k->sent) {
		const struct tok *p = &c->tok[i - 1];
		/* (after batch 54, a comma or bracket between: "twee nieuwe
		 * empathiepoppen, Lotje en Kees", "drie kippen (Bep, Mien en Greet)") */
		size_t g = p->e;
		bool comma = false;
		while (g < k->s && (c->t[g] == ' ' || c->t[g] == ',' || c->t[g] == '('))
			comma |= c->t[g++] == ',';
		/* (a comma not after a capital: "Knuffel, Priya" signs a message) */
		if (g == k->s && k->s - p->e <= 2 && being_word(c, p) && (!comma || !p->cap))
			return true;
		if (i >= 3 && tok_in(c, p, (const char *const[]){"en", "of", NULL}) && c->tok[i - 3].sent == k->sent &&
		    only_space(c, c->tok[i - 3].e, c->tok[i - 2].s) && being_word(c, &c->tok[i - 3]))
			return true;
	}
	/* "Dit is Bolle, de therapiehond van onze locatie" */
	if (last + 2 < c->ntok && c->t[c->tok[last].e] == ',' && c->tok[last + 2].sent == k->sent &&
	    tok_in(c, &c->tok[last + 1], (const char *const[]){"de", "het", "onze", "ons", "mijn", NULL}))
		for (size_t d = last + 2; d < c->ntok && d <= last + 3 && c->tok[d].sent == k->sent; d++)
			if (being_word(c, &c->tok[d]))
				return true;
	/* round 21 (batch 144): the names, then what they are ("Bram, Guus en
	 * Saar zijn de drie therapiehonden", "Pim en Pam zijn onze geiten"):
	 * past the rest of the list, "zijn" or "waren", and a being within
	 * three words */
	{
		size_t d = last + 1;
		while (d < c->ntok && d <= last + 8 && c->tok[d].sent == k->sent &&
		       (c->tok[d].cap || tok_in(c, &c->tok[d], (const char *const[]){"en", NULL})))
			d++;
		/* (the verb, not the possessive: "Marco en zijn hond", "Jorrit:
		 * zijn nieuwe rolstoel"; a name right before it, a determiner
		 * after it) */
		if (d + 1 < c->ntok && c->tok[d + 1].sent == k->sent && c->tok[d - 1].cap &&
		    tok_in(c, &c->tok[d], (const char *const[]){"zijn", "waren", NULL}) &&
		    tok_in(c, &c->tok[d + 1], (const char *const[]){"de", "onze", "ons", "mijn", "twee", "drie", "vier",
		                                                   "vijf", NULL}))
			for (size_t b = d + 2; b < c->ntok && b <= d + 4 && c->tok[b].sent == k->sent; b++)
				if (being_word(c, &c->tok[b]))
					return true;
	}
	/* wave 21 (from batch 72): the names after a colon that follows the
	 * beings ("Bij ons zijn twee alpaca's komen wonen: Karel en Loesje") */
	size_t g = k->s;
	while (g > 0 && c->t[g - 1] == ' ')
		g--;
	if (g > 0 && c->t[g - 1] == ':')
		for (size_t b = i; b-- > 0 && b + 6 >= i && c->tok[b].sent == k->sent;)
			if (animal_word(c, &c->tok[b])) /* (not "Buddy-app: Farid (23) ...") */
				return true;
	return false;
}

/*
 * Demotes those names, the same name again further on ("Vanaf vandaag kan
 * Ella ook ...", "Pim is inmiddels 23"), and an age, birth date or health
 * word in a sentence of a being with no person in it ("Schoolhond Sjors is vandaag
 * jarig, hij wordt vier!", "Ons lammetje Fatima is geboren op 2 maart").
 */
static void demote_named_beings(struct ctx *c)
{
	struct scan_result *r = c->out;
	unsigned char *being = NULL; /* per sentence: 1 a being in it, 2 a person too */
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < STAFF_CONF)
			continue;
		size_t i = tok_first_at(c, x->start), last = i;
		if (i >= c->ntok)
			continue;
		while (last + 1 < c->ntok && c->tok[last + 1].s < x->end)
			last++;
		/* a hint is read only as the first of a list ("Bep, Mien en Greet") */
		if (x->confidence < SCAN_COUNT_CONF &&
		    !(x->end < c->len && c->t[x->end] == ',') &&
		    !(last + 1 < c->ntok && tok_in(c, &c->tok[last + 1], (const char *const[]){"en", "of", NULL})))
			continue;
		bool same = false;
		for (size_t k = 0; k < j && !same; k++)
			same = r->v[k].type == SCAN_NAME && r->v[k].confidence == 0.3 &&
			       r->v[k].end - r->v[k].start == x->end - x->start &&
			       !memcmp(c->t + r->v[k].start, c->t + x->start, x->end - x->start);
		/* the being's name the rules before dropped ("Onze ezels Pim en Pam
		 * ... Pim is inmiddels 23") */
		for (size_t b = i; !same && b-- > 0 && b + 64 >= i;)
			same = c->tok[b].e - c->tok[b].s == c->tok[i].e - c->tok[i].s && c->tok[b].cap &&
			       !memcmp(c->t + c->tok[b].s, c->t + c->tok[i].s, c->tok[i].e - c->tok[i].s) &&
			       named_being(c, b, b);
		/* the next of a list whose first is a being's ("kippen (Bep, Mien en
		 * Greet)") */
		if (!same && i >= 2) {
			size_t pv = c->t[c->tok[i].s - 2] == ',' ? i - 1 : i - 2;
			same = c->tok[pv].sent == c->tok[i].sent && c->veto_late && c->veto_late[pv] &&
			       (pv == i - 1 || tok_in(c, &c->tok[i - 1], (const char *const[]){"en", "of", NULL}));
		}
		if (!same && !named_being(c, i, last))
			continue;
		if (!c->veto_late)
			c->veto_late = xcalloc(c->ntok, 1);
		c->veto_late[last] = 1;
		if (x->confidence < SCAN_COUNT_CONF)
			continue; /* (a hint already: only the list's next reads it) */
		x->confidence = 0.3;
		if (!being)
			being = xcalloc(c->nsent, 1);
		being[c->tok[i].sent] |= 1;
	}
	/* the rest reads every word: only for an age or health to demote */
	bool any = false;
	for (size_t j = 0; j < r->n && !any; j++)
		any = (r->v[j].type == SCAN_DATE_OF_BIRTH || r->v[j].type == SCAN_HEALTH) &&
		      r->v[j].confidence >= SCAN_COUNT_CONF;
	if (!any) {
		free(being);
		return;
	}
	/* (an animal spoken of; a thing only by its name above: "na de val met
	 * de rollator" is someone's) */
	for (size_t i = 0; i < c->ntok; i++)
		if (animal_word(c, &c->tok[i])) {
			if (!being)
				being = xcalloc(c->nsent, 1);
			being[c->tok[i].sent] |= 1;
		}
	if (!being)
		return;
	/* (not "een nieuwe bewoner: ezel Harrie") */
	/* (nor "mijn hond": the writer's "mijn" before anything else is a person) */
	for (size_t i = 0; i < c->ntok; i++)
		if (((c->tok[i].flags & (W_FAMILY | W_TITLE)) ||
		     tok_in(c, &c->tok[i], (const char *const[]){"mijn", "m'n", "mn", "me", "mij", NULL})) &&
		    !(i + 1 < c->ntok && c->tok[i + 1].sent == c->tok[i].sent && animal_word(c, &c->tok[i + 1])))
			being[c->tok[i].sent] |= 2;
		else if (tok_is_ik(c, &c->tok[i]))
			being[c->tok[i].sent] |= 2;
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].type == SCAN_NAME && r->v[j].confidence >= SCAN_COUNT_CONF)
			being[sentence_of(c, r->v[j].start)] |= 2;
	/* after batch 54: "... een nieuwe bewoner: ezel Harrie! Hij is 23": a
	 * sentence opening with he or she after a being's goes on about it */
	for (size_t i = 1; i < c->ntok; i++) {
		size_t s = c->tok[i].sent;
		if (c->tok[i - 1].sent + 1 == s && being[s - 1] == 1 && !being[s] &&
		    tok_in(c, &c->tok[i], (const char *const[]){"hij", "zij", "ze", "het", NULL}))
			being[s] = 1;
	}
	/* (and the health there: "Vanaf vandaag kan Ella ook een herinnering
	 * sturen voor je medicatie") */
	for (size_t j = 0; j < r->n; j++)
		if ((r->v[j].type == SCAN_DATE_OF_BIRTH || r->v[j].type == SCAN_HEALTH) &&
		    r->v[j].confidence >= SCAN_COUNT_CONF && being[sentence_of(c, r->v[j].start)] == 1)
			r->v[j].confidence = 0.3;
	free(being);
}

/*
 * After batches 59 to 61: health said of people in general, where the only
 * persons in the sentence are anyone's — a family word after "je", "jouw",
 * "uw", "een", "elk" ("leg je baby bij onrust ...", "Merk je dat bij je
 * kind?", "geschreven vanuit een dochter"), or a plural ("kinderen van ouders
 * met psychische problemen", "bewoners met dementie").  Only the rules'
 * unlinked health (0.6) and the model's words are read: a name, room or age
 * links it; "ik", "mijn", a pronoun for someone before, keep it.
 */
static unsigned char sentence_people(const struct ctx *c, size_t s, const char *const *keep,
                                     const char *const *anyone);

static bool own_family_in(const struct ctx *c, size_t s);

/*
 * Wave 30 (batch 125): a question to whoever reads, opening with its verb
 * and "u" or "je" and closing with '?' ("Bent u zwanger en twijfelt u of u
 * het zelf al gehad hebt?", "Heb je ook last van ...?"), with no one of
 * the writer's or anyone's family in it: of the reader in general.
 */
static bool reader_question(const struct ctx *c, size_t s, const char *const *keep)
{
	static const char *const verbs[] = {"bent", "ben", "heeft", "heb", "hebt", "wordt", "word", "gebruikt",
		"gebruik", "slikt", "slik", "krijgt", "krijg", "voelt", "voel", "herkent", "herken", NULL};
	size_t t = tok_first_at(c, c->sent_at[s]), end = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
	while (end > 0 && (c->t[end - 1] == ' ' || c->t[end - 1] == '\n'))
		end--;
	if (end == 0 || c->t[end - 1] != '?' || t + 1 >= c->ntok || c->tok[t + 1].sent != s ||
	    !tok_in(c, &c->tok[t], verbs) || !tok_in(c, &c->tok[t + 1], (const char *const[]){"u", "je", "jij", NULL}))
		return false;
	for (size_t u = t; u < c->ntok && c->tok[u].sent == s; u++)
		if ((c->tok[u].flags & (W_FAMILY | W_TITLE)) || tok_in(c, &c->tok[u], keep))
			return false;
	return true;
}

static void demote_generic_health(struct ctx *c)
{
	static const char *const anyone[] = {"je", "jouw", "uw", "een", "elk", "elke", "ieder", "iedere", "veel",
		"alle", "sommige", "zo'n", "hun", "jullie", NULL};
	static const char *const keep[] = {"ik", "mijn", "m'n", "mn", "me", "mij", "hij", "zij", "ze", "hem", "haar",
		"zijn", "z'n", "mama", "papa", "pa's", "ma's", "opa's", "oma's", "mams", "paps", NULL};
	struct scan_result *r = c->out;
	/* "je" speaks to someone in a reply ("@marijke_73 hoe gaat het nu met je
	 * moeder na de beroerte?", "Hoi Marleen, ... je moeder"): a mention or a
	 * counted name anywhere keeps it */
	if (memchr(c->t, '@', c->len))
		return;
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].type == SCAN_NAME && r->v[j].confidence >= SCAN_COUNT_CONF)
			return;
	/* wave 21 (from batch 73): a post with no one in it at all — no "ik",
	 * family word, title or pronoun, nothing counted but health — tells
	 * of a condition, not of someone ("Buccolam is een noodmedicijn bij
	 * langdurige epileptische aanvallen", "Week van de Psychische
	 * Gezondheid: ... twintig mensen met psychische klachten") */
	int nobody = -1; /* read when first asked */
	unsigned char *state = NULL; /* per sentence: 0 not read, 1 general, 2 someone */
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF || x->confidence >= HEALTH_LINKED_CONF)
			continue;
		if (nobody < 0) {
			nobody = 1;
			for (size_t f = 0; f < r->n && nobody; f++)
				nobody = r->v[f].type == SCAN_HEALTH || r->v[f].confidence < STAFF_CONF;
			nobody = nobody && !writer_speaks(c); /* (also "Heb sinds vrijdag koorts") */
			for (size_t t = 0; t < c->ntok && nobody; t++)
				nobody = !(c->tok[t].flags & (W_FAMILY | W_TITLE | W_PRONOUN)) && !tok_in(c, &c->tok[t], keep);
		}
		if (nobody) {
			x->confidence = 0.4;
			continue;
		}
		size_t s = sentence_of(c, x->start);
		if (reader_question(c, s, keep)) {
			x->confidence = 0.4;
			continue;
		}
		if (!state)
			state = xcalloc(c->nsent, 1);
		/* wave 22 (from batches 86 to 88): a sentence with no one in it,
		 * and none beside it either ("Afasie is een taalstoornis door
		 * hersenletsel.", "Marcoumar en acenocoumarol zijn
		 * bloedverdunners."): of a condition, not of someone — unless
		 * the writer speaks anywhere ("Vandaag precies een jaar nuchter.
		 * ... Ik had nooit gedacht ...") */
		size_t lo = s > 0 ? s - 1 : s, hi = s + 1 < c->nsent ? s + 1 : s;
		for (size_t u = lo; u <= hi; u++)
			if (!state[u])
				state[u] = sentence_people(c, u, keep, anyone);
		if (state[s] == 3 && state[lo] != 2 && state[hi] != 2 && !writer_speaks(c)) {
			x->confidence = 0.4;
			continue;
		}
		/* wave 26 (batch 113): the parent asking in general words about
		 * their own child, who the next sentence names ("Hoe vertel je de juf
		 * dat je kind net diabetes heeft ...? Mijn dochter wil het
		 * geheimhouden.") */
		if (state[s] == 1 && !own_family_in(c, s + 1))
			x->confidence = 0.4;
	}
	free(state);
}

/* Sentence s (if there is one) has the writer's family: "mijn", "m'n" or
 * "mn" before a family word. */
static bool own_family_in(const struct ctx *c, size_t s)
{
	if (s >= c->nsent)
		return false;
	for (size_t t = tok_first_at(c, c->sent_at[s]); t + 1 < c->ntok && c->tok[t + 1].sent == s; t++)
		if ((c->tok[t + 1].flags & W_FAMILY) && tok_in(c, &c->tok[t], (const char *const[]){"mijn", "m'n", "mn", NULL}))
			return true;
	return false;
}

/* Who sentence s speaks of, for demote_generic_health: 1 people in
 * general, 2 someone, 3 no one at all. */
/* A word of four letters or more ending in 't', as a singular verb does
 * ("zit", "heeft"): not "het", "dat", "niet" */
static bool verb_t(const struct ctx *c, const struct tok *k)
{
	return k->e - k->s >= 4 && c->t[k->e - 1] == 't' && !tok_in(c, k, (const char *const[]){"niet", "nooit", "toch",
	                                                                                        "echt", "alleen", NULL});
}

/*
 * Round 21 (batch 143): the family word or title at t after "een", "elk",
 * "ieder" or "zo'n" and one adjective ("een meerderjarig kind", "een
 * overleden bewoner"): anyone's, unless what follows tells of her age or
 * place ("een jonge vrouw van negentien in onze praktijk").  The adjective
 * by its ending ("-e", "-ig", "-en": not "met een klaplong, broer",
 * "jullie voor pa").
 */
static bool anyones_after_adjective(const struct ctx *c, size_t t, const char *const *keep)
{
	if (t < 2 || c->tok[t - 2].sent != c->tok[t].sent)
		return false;
	const struct tok *k = &c->tok[t], *p = &c->tok[t - 1];
	size_t pn = p->e - p->s;
	const char *pe = c->lt + p->e;
	return !p->cap && pn >= 4 && only_space(c, c->tok[t - 2].e, p->s) && only_space(c, p->e, k->s) &&
	       (pe[-1] == 'e' || (pe[-2] == 'i' && pe[-1] == 'g') || (pe[-2] == 'e' && pe[-1] == 'n')) &&
	       !(p->flags & (W_FAMILY | W_TITLE | W_PRONOUN | W_POSS)) && !tok_in(c, p, keep) &&
	       tok_in(c, &c->tok[t - 2], (const char *const[]){"een", "elk", "elke", "ieder", "iedere", "zo'n", NULL}) &&
	       !(t + 1 < c->ntok && c->tok[t + 1].sent == k->sent &&
	         tok_in(c, &c->tok[t + 1], (const char *const[]){"van", "uit", "in", "op", "bij", "aan", NULL}));
}

static unsigned char sentence_people(const struct ctx *c, size_t s, const char *const *keep,
                                     const char *const *anyone)
{
	const struct scan_result *r = c->out;
	bool general = false, someone = false, pronoun = false, they = false;
	for (size_t t = tok_first_at(c, c->sent_at[s]); t < c->ntok && c->tok[t].sent == s && !someone; t++) {
		const struct tok *k = &c->tok[t];
		pronoun = pronoun || (k->flags & W_PRONOUN);
		/* wave 29 (batch 121): "ze" with no singular verb after it may be
		 * the people the sentence names in general ("ouders van kinderen
		 * met een verstandelijke beperking die willen vertellen hoe ze
		 * ... hebben geregeld"): decided after the loop */
		static const char *const one[] = {"is", "was", "heeft", "had", "kan", "kon", "wil", "wilde", "moet",
			"moest", "ligt", "lag", "zit", "zat", "gaat", "ging", "komt", "kwam", "mag", "mocht", "zal", "zou",
			"wordt", "werd", "weet", "wist", NULL};
		/* (a singular verb after it, or before it: "zit ze thuis") */
		if (k->e - k->s == 2 && !memcmp(c->lt + k->s, "ze", 2) && t + 1 < c->ntok && c->tok[t + 1].sent == s &&
		    !tok_in(c, &c->tok[t + 1], one) && !verb_t(c, &c->tok[t + 1]) &&
		    !(t > 0 && c->tok[t - 1].sent == s && (tok_in(c, &c->tok[t - 1], one) || verb_t(c, &c->tok[t - 1])))) {
			they = true;
			continue;
		}
		if (tok_in(c, k, keep)) {
			someone = true;
		} else if (k->flags & (W_FAMILY | W_TITLE)) {
			bool plural = plural_word(c, k);
			bool any = t > 0 && c->tok[t - 1].sent == s && tok_in(c, &c->tok[t - 1], anyone);
			/* round 21 (batch 143): "je als ouder van een meerderjarig
			 * kind met een verstandelijke beperking" */
			any = any || anyones_after_adjective(c, t, keep) ||
			      (t > 0 && c->tok[t - 1].sent == s &&
			       tok_in(c, &c->tok[t - 1], (const char *const[]){"als", NULL}) && !plural_word(c, k));
			if (plural || any)
				general = true;
			else
				someone = true;
		}
	}
	/* (any name in the sentence, a staff member's too: "Meester Erik van
	 * groep 8 heeft een hartoperatie gehad en de kinderen ...") */
	size_t a = c->sent_at[s], b = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
	for (size_t f = 0; f < r->n && !someone; f++) {
		const struct scan_finding *y = &r->v[f];
		someone = y->type != SCAN_HEALTH && y->start >= a && y->start < b &&
		          (y->confidence >= SCAN_COUNT_CONF || (y->type == SCAN_NAME && y->confidence >= STAFF_CONF));
	}
	if (someone || (they && !general))
		return 2;
	if (general)
		return 1;
	return pronoun ? 2 : 3; /* (a pronoun may point at someone: kept) */
}

/*
 * After batch 60: the writer "verslaafd aan" a series, peanut butter or a
 * game ("Ik ben echt verslaafd aan die nieuwe serie op Netflix", "zo
 * verslaafd aan pindakaas dat ik er een afkickkliniek voor nodig heb"): in a
 * sentence of "ik" alone, what follows is no substance, so its health words
 * are a joke.
 */
static void demote_hooked_on(struct ctx *c)
{
	static const char *const drugs[] = {"alcohol", "drank", "drugs", "cocaïne", "coke", "heroïne", "wiet", "hasj",
		"pillen", "slaappillen", "pijnstillers", "oxycodon", "nicotine", "sigaretten", "roken", "gokken", "speed",
		"xtc", "ghb", "ketamine", "lachgas", "methadon", "morfine", "opiaten", "benzo's", "medicijnen", "middelen",
		"bier", "wijn", "blowen", "drinken", "crack", "tramadol", "oxazepam", "temazepam", "gamen", NULL};
	for (const char *p = memmem(c->t, c->len, "verslaafd aan ", 14); p;
	     p = memmem(p + 1, (size_t)(c->t + c->len - p - 1), "verslaafd aan ", 14)) {
		size_t a = (size_t)(p - c->t) + 14, s = sentence_of(c, a);
		size_t t = tok_first_at(c, a);
		bool drug = false;
		for (size_t d = t; d < c->ntok && d < t + 3 && c->tok[d].sent == s && !drug; d++)
			drug = tok_in(c, &c->tok[d], drugs) || (c->tok[d].flags & W_MED);
		/* wave 20: "Wij zijn verslaafd aan de nieuwe koffiemachine" */
		bool we = t >= 4 && tok_in(c, &c->tok[t - 3], (const char *const[]){"zijn", NULL}) &&
		          tok_in(c, &c->tok[t - 4], (const char *const[]){"wij", "we", NULL});
		if (drug || !(writer_alone(c, s) || we))
			continue;
		size_t from = c->sent_at[s], to = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
		for (size_t j = 0; j < c->out->n; j++) {
			struct scan_finding *x = &c->out->v[j];
			if (x->type == SCAN_HEALTH && x->confidence >= SCAN_COUNT_CONF && x->start >= from && x->end <= to)
				x->confidence = 0.4;
		}
	}
}

/*
 * Wave 20 (from batches 62 and 64): a reply that only speaks to the person
 * it answers ("↪ @Tineke_wijkzorg Wat lief om te lezen, dank je wel!",
 * "↪ @Kevin_IG graag gedaan!"): the handle that opens the post names a user
 * of the platform, who wrote first; with nothing else counted in the post it
 * is no client data (a health word, an age or a number about anyone is
 * found on its own and keeps the post).
 */
/*
 * Wave 21, round 3 (from batches 77 and 79):
 * - an "age" that is a clock time ("orgelconcert door Pieter-Jan Nijland,
 *   15.00 uur": the name-comma-number shape of "Nora, 7");
 * - the writer's signature after a dash at the end ("... Begin vandaag. —
 *   Lotte", "— moderator Sjoerd"): the writer, not someone written about;
 * - a review ("⭐⭐⭐⭐⭐ Mevrouw Tahiri van de thuiszorg is een engel"): the
 *   names in it are the care workers reviewed, unless a family word or
 *   "mijn" is right before;
 * - a byline: a role opening the post before the name and a colon
 *   ("Moderator Esther Wiersma: ik open een topic ...").
 */
static bool work_self_intro(const struct ctx *c);

/* Wave 25 (batch 107): the writer speaks in their work ("Als
 * schoolmaatschappelijk werker krijg ik vaak de vraag ... — Marloes", "ik
 * werk als buurtcoach"), with nothing of their own counted but names. */
static bool writer_at_work(const struct ctx *c)
{
	for (size_t j = 0; j < c->out->n; j++)
		if (c->out->v[j].type != SCAN_NAME && c->out->v[j].confidence >= SCAN_COUNT_CONF)
			return false;
	if (work_self_intro(c))
		return true;
	/* (batch 110) the post opens with the role: "Moderator: we hebben ... — Wilma" */
	if (c->ntok > 1 && c->tok[0].e < c->len && c->t[c->tok[0].e] == ':' &&
	    (work_word(c, &c->tok[0]) || role_like(c, &c->tok[0])))
		return true;
	for (size_t t = 0; t + 1 < c->ntok; t++) {
		if (!tok_in(c, &c->tok[t], (const char *const[]){"als", NULL}))
			continue;
		bool role = false;
		for (size_t u = t + 1; u < c->ntok && u <= t + 2 && c->tok[u].sent == c->tok[t].sent && !role; u++)
			role = work_word(c, &c->tok[u]) || role_like(c, &c->tok[u]);
		if (!role)
			continue;
		for (size_t u = t + 2; u < c->ntok && u <= t + 6 && c->tok[u].sent == c->tok[t].sent; u++)
			if (tok_is_ik(c, &c->tok[u]))
				return true;
	}
	return false;
}

static void demote_times_signatures(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type == SCAN_DATE_OF_BIRTH && x->confidence >= SCAN_COUNT_CONF && x->end + 3 < c->len &&
		    (c->t[x->end] == '.' || c->t[x->end] == ':') && isdigit((unsigned char)c->t[x->end + 1]) &&
		    isdigit((unsigned char)c->t[x->end + 2]) && !isdigit((unsigned char)c->t[x->end + 3]))
			x->confidence = 0.4;
	}
	/* round 4 (batch 82): a practice's AGB code is no patient's number
	 * ("AGB-code praktijk: 04-091234"), a flat to let no one's room
	 * ("Appartement 17 in complex De Kwekerij is te huur") */
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->confidence < SCAN_COUNT_CONF)
			continue;
		if (x->type == SCAN_PATIENT_NUMBER) {
			size_t a = x->start > 24 ? x->start - 24 : 0;
			bool agb = memmem(c->t + a, x->start - a, "AGB", 3) || memmem(c->t + a, x->start - a, "agb", 3);
			if (agb && !has_private_circle(c)) /* (not "... de praktijk van mijn moeder") */
				x->confidence = 0.4;
		} else if (x->type == SCAN_ROOM) {
			size_t s = sentence_of(c, x->start);
			size_t b = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
			if (window_has(c, x->end, b, (const char *const[]){"te huur", "beschikbaar", "vrij voor", "for rent", NULL}))
				x->confidence = 0.4;
		}
	}
	/* the signature: "— Name" or "- Name" closing the text, in a text that
	 * does not speak of the writer ("Ik heb het pas na 3 jaar verteld. Na
	 * een aanval op de werkvloer ... — Niek" is Niek's own story) */
	size_t e = c->len;
	while (e > 0 && (c->t[e - 1] == ' ' || c->t[e - 1] == '\n' || c->t[e - 1] == '.'))
		e--;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || x->end != e || x->confidence >= 0.9)
			continue;
		if (writer_speaks(c) && !writer_at_work(c))
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i < c->ntok && i > 0 && c->tok[i - 1].sent == c->tok[i].sent && work_word(c, &c->tok[i - 1]))
			i--;
		if (sign_dash_before(c, i < c->ntok ? c->tok[i].s : x->start))
			x->confidence = STAFF_CONF;
	}
	/* wave 25 (batch 108): webcare initials closing a reply ("^RM", "^NV")
	 * are the writer's, not a condition or a client */
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->start > 0 && c->t[x->start - 1] == '^' && x->end - x->start <= 4 &&
		    (x->type == SCAN_HEALTH || x->type == SCAN_NAME))
			x->confidence = 0.3;
	}
	/* a review */
	size_t p = 0;
	while (p < c->len && c->t[p] == ' ')
		p++;
	bool review = p + 3 <= c->len && (!memcmp(c->t + p, "\xe2\xad\x90", 3) || !memcmp(c->t + p, "\xe2\x98\x85", 3));
	for (size_t j = 0; review && j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i < c->ntok && i > 0 && c->tok[i - 1].sent == c->tok[i].sent &&
		    ((c->tok[i - 1].flags & W_FAMILY) || tok_in(c, &c->tok[i - 1], firstp)))
			continue;
		x->confidence = STAFF_CONF;
	}
	/* a byline */
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i != 1 || i >= c->ntok || !work_word(c, &c->tok[0]) || !only_space(c, c->tok[0].e, x->start))
			break;
		size_t g = x->end;
		while (g < c->len && c->t[g] == ' ')
			g++;
		if (g < c->len && c->t[g] == '(') {
			const char *close = memchr(c->t + g, ')', c->len - g);
			g = close ? (size_t)(close - c->t) + 1 : c->len;
		}
		if (g < c->len && c->t[g] == ':')
			x->confidence = STAFF_CONF;
		break;
	}
}

/*
 * Wave 21 (from batch 74): "al N jaar" before a word that says what one has
 * been that long ("Ik ben al 5 jaar mantelzorger voor mijn man", "al 40
 * jaar getrouwd") is a duration, not an age ("Ik ben al 80 jaar oud",
 * "al 90 jaar geworden" stay ages).
 */
static void demote_durations(struct ctx *c)
{
	static const char *const age[] = {"oud", "oude", "geworden", "jong", "jonge", "en", "of", "maar", "dus", "want",
		"nu", "hoor", "inmiddels", "alweer", NULL};
	static const char *const state[] = {"dood", "overleden", "clean", "nuchter", "droog", "ziek", "weduwe",
		"weduwnaar", "verslaafd", "blind", "doof", "invalide", "bedlegerig", "opgenomen", "gestopt", "rookvrij",
		"ziekgemeld", "thuis", "sober", NULL};
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_DATE_OF_BIRTH || x->confidence < SCAN_COUNT_CONF || x->end - x->start < 6 ||
		    memcmp(c->t + x->end - 4, "jaar", 4) != 0 || x->start < 3 || memcmp(c->t + x->start - 3, "al ", 3) != 0 ||
		    (x->start > 3 && isalpha((unsigned char)c->t[x->start - 4])))
			continue;
		size_t i = tok_first_at(c, x->end);
		if (i >= c->ntok || !only_space(c, x->end, c->tok[i].s) || c->tok[i].cap || tok_in(c, &c->tok[i], age))
			continue;
		/* what one has been that long may be health, which the age then
		 * stands in for ("al dertig jaar dood", "al drie jaar clean") */
		if ((c->tok[i].flags & (W_MED | W_MEDHEAD)) || tok_in(c, &c->tok[i], state))
			continue;
		x->confidence = 0.4;
	}
}

/* Every counted finding is a name, phone number, mailbox or address (with
 * !personal_mail_ok, no mailbox at a personal domain); *name and *phone say
 * whether a counted name, resp. phone number, is among them. */
static bool only_contact_kinds(const struct ctx *c, bool personal_mail_ok, bool *name, bool *phone)
{
	const struct scan_result *r = c->out;
	*name = *phone = false;
	for (size_t j = 0; j < r->n; j++) {
		const struct scan_finding *x = &r->v[j];
		if (x->confidence < SCAN_COUNT_CONF)
			continue;
		if (x->type != SCAN_NAME && x->type != SCAN_PHONE && x->type != SCAN_EMAIL && x->type != SCAN_ADDRESS)
			return false;
		if (x->type == SCAN_EMAIL && !personal_mail_ok && personal_mail(c, x))
			return false;
		*name |= x->type == SCAN_NAME;
		*phone |= x->type == SCAN_PHONE;
	}
	return true;
}

/*
 * Wave 21 (from batches 71 to 73): an organisation's post that names whom
 * to call or where to apply ("Bel Anouk op 06 - 48 21 73 09", "Bel de
 * centrale op 06 - ...", "Solliciteren bij Mariska Vos, HR, ...", "Sign up
 * with Karin Bosman at HR", "Kennismaken? Bel boerin Marieke van den Broek,
 * 013 ...") gives a work contact (labelling rule 5).  Only in a post with no
 * private person in it: no "ik"/"mijn", family word, title or pronoun, and
 * nothing counted but names, phones, e-mail and addresses.
 */
static void demote_contact_people(struct ctx *c)
{
	static const char *const ask[] = {"bel", "bellen", "app", "appen", "sms", "mail", "mailen", "call", "text",
		"solliciteren", "aanmelden", "opgeven", "reageren", "inschrijven", "contact", "contactpersoon", "with",
		"informatie", "info", "vragen", "meld", "melden", "vraag", NULL};
	static const char *const via[] = {"bij", "met", "naar", "with", "de", "het", "onze", "ons", "our", "the", NULL};
	/* the post speaks as an organisation: it seeks, it is "we", it names a
	 * desk, a department or a role ("Bel Anouk op 06-..." alone is anyone's) */
	static const char *const org[] = {"zoekt", "zoeken", "vacature", "solliciteren", "wij", "we", "ons", "onze",
		"our", "staff", "volunteers", "vrijwilligers", "vrijwilliger", "collega's", "centrale", "loket", "receptie",
		"hr", "team", "vacancy", "sponsors", "leden", NULL};
	struct scan_result *r = c->out;
	bool name = false, phone = false;
	if (!only_contact_kinds(c, true, &name, &phone) || !(name || phone))
		return;
	if (has_private_circle(c))
		return;
	bool speaks = false;
	for (size_t t = 0; t < c->ntok; t++) {
		if (((c->tok[t].flags & (W_PRONOUN | W_TITLE)) &&
		                         !tok_in(c, &c->tok[t], (const char *const[]){"u", "uw", "familie", NULL})))
			return;
		speaks = speaks || (c->tok[t].flags & (W_ORG | W_DEPT)) || tok_in(c, &c->tok[t], org) || orgish(c, t) ||
		         tok_in(c, &c->tok[t], venue_kinds);
	}
	if (!speaks)
		return;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if ((x->type != SCAN_NAME && x->type != SCAN_PHONE) || x->confidence < SCAN_COUNT_CONF ||
		    c->t[x->start] == '@')
			continue;
		/* (a number after the last word: i is ntok, the walk reads back from it) */
		size_t i = tok_first_at(c, x->start);
		/* the words before it in its sentence: an ask word, then at most
		 * "bij"/"de"/a role word and, for a phone, the person named */
		size_t s = sentence_of(c, x->start);
		bool asked = false;
		for (size_t b = i; !asked && b-- > 0 && b + 6 >= i && c->tok[b].sent == s;) {
			const struct tok *k = &c->tok[b];
			if (tok_in(c, k, ask)) {
				asked = true;
				break;
			}
			bool named = false; /* a counted or staff name over this token */
			for (size_t f = 0; f < r->n && !named; f++)
				named = r->v[f].type == SCAN_NAME && r->v[f].start <= k->s && r->v[f].end >= k->e;
			/* (one word after "de": "Bel de centrale op 06 ...") */
			bool desk = b > 0 && c->tok[b - 1].sent == s && tok_in(c, &c->tok[b - 1], via) && !k->cap;
			/* wave 25 (batch 110): a date between ("Opgeven vóór 20 december
			 * bij Marloes") */
			bool date = isdigit((unsigned char)c->t[k->s]) ||
			            tok_in(c, k, months_nl) ||
			            tok_in(c, k, (const char *const[]){"vóór", "voor", "uiterlijk", "tot", NULL});
			if (!named && !desk && !date && !tok_in(c, k, via) && !role_like(c, k) && !(k->flags & (W_ROLE | W_DEPT)) &&
			    !tok_in(c, k, (const char *const[]){"op", "on", "at", "via", "of", "or", "je", "u", "gerust",
			                                        "even", "dan", NULL})) /* "Meld je bij Marco" */
				break;
		}
		/* wave 25 (batch 108): the ask a sentence of its own before ("Vragen?
		 * Trudy, 06-31 44 90 27.") */
		asked = asked || ask_alone_before(c, i, ask);
		if (!asked)
			continue;
		/* a number said in words or a mailbox spelled out is no desk's
		 * ("Bel Ans even op nul zes een twee ...", "Mail Peter even op peter
		 * punt jonker apenstaartje ziggo punt nl"): a person's own */
		bool spelled = false;
		for (size_t f = 0; f < r->n && !spelled; f++)
			spelled = (r->v[f].type == SCAN_PHONE && !isdigit((unsigned char)c->t[r->v[f].start]) &&
			           c->t[r->v[f].start] != '+' && c->t[r->v[f].start] != '(') ||
			          (r->v[f].type == SCAN_EMAIL && !memchr(c->t + r->v[f].start, '@', r->v[f].end - r->v[f].start));
		if (spelled)
			return;
		x->confidence = x->type == SCAN_NAME ? STAFF_CONF : 0.4;
		/* the phone or mailbox right after the contact person is theirs */
		for (size_t f = j + 1; x->type == SCAN_NAME && f < r->n && r->v[f].start < x->end + 24; f++)
			if ((r->v[f].type == SCAN_PHONE || r->v[f].type == SCAN_EMAIL) && sentence_of(c, r->v[f].start) == s &&
			    r->v[f].confidence >= SCAN_COUNT_CONF)
				r->v[f].confidence = 0.4;
	}
}

static void demote_reply_handle(struct ctx *c)
{
	struct scan_result *r = c->out;
	size_t p = 0;
	while (p < c->len && (c->t[p] == ' ' || c->t[p] == '\n'))
		p++;
	if (p + 3 <= c->len && !memcmp(c->t + p, "\xe2\x86\xaa", 3)) /* ↪ */
		p += 3;
	while (p < c->len && c->t[p] == ' ')
		p++;
	if (p >= c->len || c->t[p] != '@')
		return;
	/* wave 21 (batch 76): the rest of a display name after the handle
	 * ("@Grace Mwangi welkom!") is the same user */
	size_t q = p + 1;
	while (q < c->len && (isalnum((unsigned char)c->t[q]) || c->t[q] == '_' || c->t[q] == '-' ||
	                      (unsigned char)c->t[q] >= 0x80))
		q++;
	struct scan_finding *h = NULL;
	for (size_t f = 0; f < r->n; f++) {
		if (r->v[f].confidence < SCAN_COUNT_CONF)
			continue;
		if (r->v[f].type == SCAN_NAME &&
		    (r->v[f].start <= p + 1 || (q < c->len && c->t[q] == ' ' && r->v[f].start == q + 1)) &&
		    !h)
			h = &r->v[f];
		else
			return;
	}
	if (h && h->confidence < 0.9)
		h->confidence = 0.4;
}

/*
 * Wave 22 (from batches 85 and 86): health words as figures of speech,
 * where they stand (each only for the finding it covers):
 * - "bijna een beroerte/hartaanval" ("Ik kreeg bijna een beroerte toen ik de
 *   factuur zag"): almost is not at all;
 * - "allergisch voor" / "allergie voor" something no one is allergic to
 *   ("allergisch voor formulieren van 12 kantjes", "een chronische allergie
 *   voor maandagochtenden"), not a food, an animal, pollen or a medicine;
 * - a virus on a machine ("een virus op mijn werklaptop");
 * - "mentaal overleden", "sociaal dood";
 * - a health word inside a quotation that people say ('"ik ben zo
 *   depressief" zeggen omdat ...', 'als je zegt "ik ben zo bipolair
 *   vandaag"'), in a post that names no one and has no family word.
 */
static bool allergen_word(const struct ctx *c, const struct tok *k)
{
	static const char *const allergens[] = {"pinda", "pinda's", "pindas", "noten", "nootjes", "gluten", "lactose",
		"melk", "koemelk", "ei", "eieren", "vis", "schaaldieren", "garnalen", "katten", "kat", "honden", "hond",
		"paarden", "huisstofmijt", "stof", "pollen", "gras", "graspollen", "hooikoorts", "berken", "bijen",
		"wespen", "bijensteken", "wespensteken", "penicilline", "antibiotica", "latex", "nikkel", "zon", "soja",
		"tarwe", "sesam", "selderij", "mosterd", "medicijnen", "medicatie", "pleisters", "parfum", "kiwi",
		"aardbeien", "fruit", "appels", "kokos", "insecten", "muggen", "jodium", "contrastvloeistof", "verband",
		"zeep", "wasmiddel", "haar", "dieren", "huisdieren", "knaagdieren", "schimmels", "huisstof", NULL};
	return tok_in(c, k, allergens) || (k->flags & (W_MED | W_MEDHEAD));
}

static void demote_hyperbole(struct ctx *c)
{
	static const char *const sudden[] = {"beroerte", "hartaanval", "hartinfarct", "hartverzakking", "attaque",
		"rolberoerte", "zenuwinzinking", "infarct", "hartstilstand", NULL};
	static const char *const machine_heads[] = {"laptop", "computer", "pc", "telefoon", "mobiel", "tablet", "ipad",
		"systeem", "server", "website", "netwerk", "printer", NULL};
	static const char *const not_body[] = {"mentaal", "emotioneel", "sociaal", "innerlijk", "geestelijk", NULL};
	static const char *const say[] = {"zeggen", "zegt", "zeg", "zei", "zeiden", "roepen", "roept", "riep", "zeggen,",
		NULL};
	struct scan_result *r = c->out;
	int quiet = -1; /* no counted name, no family word: read when first asked */
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF || x->confidence >= 0.9)
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i >= c->ntok || c->tok[i].s != x->start)
			continue;
		const struct tok *k = &c->tok[i];
		size_t s = k->sent;
		bool same1 = i >= 1 && c->tok[i - 1].sent == s, same2 = i >= 2 && c->tok[i - 2].sent == s;
		bool figure = false;
		/* "bijna een beroerte" */
		if (same2 && tok_in(c, k, sudden) && tok_in(c, &c->tok[i - 1], (const char *const[]){"een", "'n", NULL}) &&
		    tok_in(c, &c->tok[i - 2], (const char *const[]){"bijna", "haast", "zowat", NULL}))
			figure = true;
		/* wave 31 (batch 131): "Lever ze in bij de apotheek" is a verb */
		if (!figure && i + 1 < c->ntok && c->tok[i + 1].sent == s && tok_in(c, k, (const char *const[]){"lever", NULL}) &&
		    tok_in(c, &c->tok[i + 1], (const char *const[]){"ze", "het", "die", "deze", "dit", "hem", "je", "uw",
		                                                   "in", "af", NULL}))
			figure = true;
		/* wave 31 (batch 130): "echt om ziek van te worden", "ik word er ziek
		 * van" (0 of 6 such in the labelled texts health) */
		if (!figure && same1 && i + 1 < c->ntok && c->tok[i + 1].sent == s &&
		    tok_in(c, k, (const char *const[]){"ziek", "misselijk", NULL}) &&
		    tok_in(c, &c->tok[i - 1], (const char *const[]){"om", "er", NULL}) &&
		    tok_in(c, &c->tok[i + 1], (const char *const[]){"van", NULL}))
			figure = true;
		/* "allergisch voor formulieren" (the object within three words) */
		if (!figure && tok_in(c, k, (const char *const[]){"allergisch", "allergie", "allergieën", NULL})) {
			size_t v = i + 1;
			if (v < c->ntok && c->tok[v].sent == s && tok_in(c, &c->tok[v], (const char *const[]){"voor", NULL})) {
				bool allergen = false, any = false;
				for (size_t u = v + 1; u < c->ntok && u <= v + 3 && c->tok[u].sent == s && !allergen; u++) {
					if (tok_in(c, &c->tok[u], (const char *const[]){"de", "het", "een", "alle", "van", "12", NULL}))
						continue;
					any = true;
					allergen = allergen_word(c, &c->tok[u]);
				}
				figure = any && !allergen;
			}
		}
		/* "een virus op mijn werklaptop" */
		if (!figure && tok_in(c, k, (const char *const[]){"virus", "virusje", NULL})) {
			for (size_t u = i + 1; u < c->ntok && u <= i + 4 && c->tok[u].sent == s && !figure; u++) {
				size_t n = c->tok[u].e - c->tok[u].s;
				if (n >= 64)
					continue;
				for (const char *const *m = machine_heads; *m && !figure; m++)
					figure = ends_with_ascii(c->t + c->tok[u].s, n, *m, strlen(*m));
			}
		}
		/* "mentaal overleden" */
		if (!figure && same1 && tok_in(c, &c->tok[i - 1], not_body) &&
		    tok_in(c, k, (const char *const[]){"overleden", "dood", "gestorven", "doodgegaan", NULL}))
			figure = true;
		/* a quotation people say */
		if (!figure) {
			size_t q0 = x->start, q1 = x->end;
			while (q0 > 0 && x->start - q0 < 60 && c->t[q0 - 1] != '"' && c->t[q0 - 1] != '.' && c->t[q0 - 1] != '\n')
				q0--;
			while (q1 < c->len && q1 - x->end < 60 && c->t[q1] != '"' && c->t[q1] != '.' && c->t[q1] != '\n')
				q1++;
			if (q0 > 0 && c->t[q0 - 1] == '"' && q1 < c->len && c->t[q1] == '"') {
				size_t a = tok_first_at(c, q0 - 1), b = tok_first_at(c, q1 + 1);
				bool said = false;
				for (size_t u = a >= 2 ? a - 2 : 0; u < a && !said; u++)
					said = tok_in(c, &c->tok[u], say);
				for (size_t u = b; u < c->ntok && u < b + 2 && !said; u++)
					said = tok_in(c, &c->tok[u], say);
				if (said && quiet < 0) {
					quiet = 1;
					for (size_t f = 0; f < r->n && quiet; f++)
						quiet = !(r->v[f].type == SCAN_NAME && r->v[f].confidence >= SCAN_COUNT_CONF);
					for (size_t t = 0; t < c->ntok && quiet; t++)
						quiet = !(c->tok[t].flags & (W_FAMILY | W_TITLE));
				}
				figure = said && quiet == 1;
			}
		}
		if (figure)
			x->confidence = 0.4;
	}
}

/*
 * Wave 20 (from batch 69): a machine with a person's illness ("Mijn auto
 * heeft een hartinfarct gehad", "de printer ligt weer op apegapen") where
 * no one else is in the sentence, and "ziek" before an adjective as the
 * young say it ("ziek eng", "ziek goed"): no one's health.
 */
/* wave 29 (batch 121): a machine by its word's end ("De koffieautomaat op
 * de Lindehof ligt op sterven na dood", "het kopieerapparaat") */
static bool machine_word(const struct ctx *c, const struct tok *k)
{
	size_t n = k->e - k->s;
	const char *w = c->t + k->s;
	return (n > 8 && ends_with_ascii(w, n, "automaat", 8)) || (n > 8 && ends_with_ascii(w, n, "apparaat", 8)) ||
	       (n > 7 && ends_with_ascii(w, n, "machine", 7));
}

static void demote_sick_things(struct ctx *c)
{
	static const char *const machines[] = {"auto", "telefoon", "laptop", "computer", "pc", "fiets", "wasmachine",
		"printer", "koffiemachine", "tv", "televisie", "router", "ketel", "cv-ketel", "motor", "scooter", "brommer",
		"caravan", "vaatwasser", "droger", "mobiel", "tablet", "ipad", "app", "systeem", "website", "server",
		"lift", "busje", "bus", "trein", "wifi", NULL};
	static const char *const the[] = {"mijn", "m'n", "mn", "de", "onze", "ons", "het", "die", "deze", "dat", NULL};
	static const char *const adj[] = {"eng", "goed", "mooi", "vet", "lekker", "leuk", "hard", "gaaf", "grappig",
		"cool", "mooie", "goede", "lekkere", "leuke", "vette", "gave", "snel", "duur", "druk", "raar", "nice", NULL};
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i >= c->ntok)
			continue;
		size_t s = c->tok[i].sent;
		if (x->end - x->start <= 5 && tok_in(c, &c->tok[i], (const char *const[]){"ziek", NULL}) &&
		    i + 1 < c->ntok && c->tok[i + 1].sent == s && only_space(c, c->tok[i].e, c->tok[i + 1].s) &&
		    tok_in(c, &c->tok[i + 1], adj)) {
			x->confidence = 0.4;
			continue;
		}
		bool machine = false, person = false;
		size_t t0 = tok_first_at(c, c->sent_at[s]);
		for (size_t t = t0; t < c->ntok && c->tok[t].sent == s; t++) {
			const struct tok *k = &c->tok[t];
			/* the machine is the sentence's subject: "Mijn auto heeft ..." */
			machine |= t == t0 + 1 && t < i && tok_in(c, &c->tok[t - 1], the) &&
			           (tok_in(c, k, machines) || machine_word(c, k));
			person |= (k->flags & (W_FAMILY | W_TITLE)) || tok_is_ik(c, k) ||
			          /* (wave 29: "hij geeft alleen nog heet water" is the machine) */
			          ((k->flags & W_PRONOUN) && !tok_in(c, k, (const char *const[]){"hij", "ie", NULL}));
		}
		size_t a = c->sent_at[s], b = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
		for (size_t f = 0; f < r->n && !person; f++)
			person = r->v[f].type == SCAN_NAME && r->v[f].confidence >= STAFF_CONF && r->v[f].start >= a &&
			         r->v[f].start < b;
		if (machine && !person)
			x->confidence = 0.4;
	}
}

/*
 * Wave 20 (from batch 70): a name right after the work it does ("diaken
 * Anneke Mooij", "koster Bart ten Brinke", "leerplichtambtenaar Ruud
 * Kuijpers", "tolk Lisanne Haverkort", "hoca Mehmet Aydin") in a post with no
 * private person in it (no family word, no "ik"/"mijn", nothing counted but
 * names and contact lines) is staff in their role (labelling rule 5).  The
 * role lists of the name model stop at the roles it was trained with; these
 * are read after it, by the word's ending too.
 */
static bool work_word(const struct ctx *c, const struct tok *k)
{
	static const char *const jobs[] = {"diaken", "koster", "tolk", "secretaris", "penningmeester", "hoca",
		/* wave 21 */ "moderator", "moderatoren", "admin", "gespreksleider", "gespreksleidster", "contactpersoon",
		"kapster", "kapper", "pedicure", "pianist", "pianiste", "gitarist", "zanger", "zangeres", "dirigent",
		"accordeonist", "muzikant", "wijkagent", "boa", "jurist", "advocaat", "notaris", "mediator",
		"schrijfster", "schrijver", "auteur", "spreker", "spreekster", "conciërge", "vrijwilliger",
		"vrijwilligster", "trainer", "trainster", "docent", "docente", "kok", "chauffeur", "organist", "cantor",
		"ouderling", "kerkrentmeester", "gastspreker", "dagvoorzitter", "presentator", "presentatrice",
		/* wave 31 (batch 128): "Mod Anouk" */ "mod", /* (batch 131) */ "volunteer", /* (batch 135) */ "poh",
		NULL};
	static const char *const ends[] = {"ambtenaar", "medewerker", "medewerkster", "coördinator", "consulent",
		"consulente", "werker", "werkster", "verpleegkundige", "therapeut", "adviseur", "adviseuse", "functionaris",
		"deskundige", "leider", "leidster", "assistent", "assistente", "begeleider", "begeleidster", "coach",
		/* wave 30 (batch 126): "Kinderrechter mr. Hannah Boersma legde in een interview uit" */
		"rechter",
		"ondersteuner", "secretaris", "secretaresse", "regisseur", "specialist",
		/* wave 25 (batch 107): "familievertrouwenspersoon Hans Kuipers",
		 * "arbeidsjurist mr. Yvonne Claassen" */
		"vertrouwenspersoon", "contactpersoon", "jurist", "raadslid", "kamerlid",
		/* (batch 108) "onze zorgbemiddelaar Esther" */ "bemiddelaar",
		/* wave 31 (batch 128): "Clubfysio Roel geeft maandag een demo" */ "fysio", "coordinator",
		/* (batch 131): "Magazijnbeheerder Kees" */ "beheerder", /* (batch 133) */ "aandachtsvelder",
		"aandachtsvelders", /* (batch 132): "Gezinshuisouders Anouk en Ramon" */ "huisouder",
		"huisouders",
		"koordynator", "koordynatorka", NULL};
	if (tok_in(c, k, jobs))
		return true;
	size_t n = k->e - k->s;
	for (const char *const *w = ends; *w; w++) {
		size_t m = strlen(*w);
		if (n >= m && !strncasecmp(c->t + k->e - m, *w, m))
			return true;
	}
	return false;
}

/*
 * Wave 26 (batch 113): a post signed at its very end with a name, a comma
 * and the signer's role or team — "Youssef, moderator Leven met Diabetes",
 * "Miriam, Hartpoli", "Joke, verpleegkundige wondzorg": staff in their role
 * (labelling rule 5), and a condition in those words is the team's
 * subject, not anyone's health.
 */
static void demote_role_signoff(struct ctx *c)
{
	static const char *const units[] = {"poli", "team", "afdeling", "kliniek", "praktijk", "centrum", "dienst",
		"groep", "zorg", "loket", NULL};
	struct scan_result *r = c->out;
	size_t last = last_counted_name(r);
	if (last == SIZE_MAX)
		return;
	const struct scan_finding *x = &r->v[last];
	size_t i = tok_first_at(c, x->start), p = x->end;
	if (i >= c->ntok || c->tok[i].s != x->start)
		return;
	/* (or the role before the name, closing the post: "Moderator Aicha") */
	if (i > 0 && c->tok[i - 1].first && c->tok[i - 1].cap && only_space(c, c->tok[i - 1].e, x->start) &&
	    work_word(c, &c->tok[i - 1])) {
		bool end = true;
		for (size_t q = x->end; q < c->len && end; q++)
			end = !is_letter_byte(c->t, q, c->len) && !digit_at(c, q);
		if (end)
			r->v[last].confidence = STAFF_CONF;
		return;
	}
	if (!c->tok[i].first)
		return;
	while (p < c->len && c->t[p] == ' ')
		p++;
	if (p >= c->len || c->t[p] != ',')
		return;
	size_t j = tok_first_at(c, p);
	if (j >= c->ntok || c->ntok - j > 6 || c->tok[c->ntok - 1].sent != c->tok[j].sent)
		return;
	for (size_t q = c->tok[c->ntok - 1].e; q < c->len; q++)
		if (digit_at(c, q))
			return;
	const struct tok *k = &c->tok[j];
	bool unit = false;
	size_t n = k->e - k->s;
	for (const char *const *u = units; *u && !unit; u++) {
		size_t m = strlen(*u);
		unit = n > m && !strncasecmp(c->t + k->e - m, *u, m) && k->cap;
	}
	/* (wave 31, batch 133: "Tim, afd. Cardiologie") */
	unit = unit || tok_in(c, k, (const char *const[]){"afd", "afdeling", NULL});
	if (!unit && !work_word(c, k) && !role_like(c, k) && !(k->flags & (W_ROLE | W_DEPT | W_ORG)))
		return;
	r->v[last].confidence = STAFF_CONF;
	for (size_t f = 0; f < r->n; f++)
		if (r->v[f].type == SCAN_HEALTH && r->v[f].start >= k->s)
			r->v[f].confidence = 0.4;
}

/* The writer names their work: "ben ik Wmo-consulent", "ik ben de nieuwe
 * wijkverpleegkundige", "ik werk als buurtcoach" (demote_named_workers). */
static bool work_self_intro(const struct ctx *c)
{
	for (size_t t = 0; t + 2 < c->ntok; t++) {
		const struct tok *a = &c->tok[t], *b = &c->tok[t + 1];
		if (b->sent != a->sent)
			continue;
		bool ik_ben = (tok_in(c, a, (const char *const[]){"ben", NULL}) && tok_is_ik(c, b)) ||
		              (tok_is_ik(c, a) && tok_in(c, b, (const char *const[]){"ben", "werk", NULL}));
		if (!ik_ben)
			continue;
		for (size_t u = t + 2; u < c->ntok && u <= t + 5 && c->tok[u].sent == a->sent; u++) {
			if (work_word(c, &c->tok[u]) || role_like(c, &c->tok[u]))
				return true;
			/* (batch 136: "ik ben sinds deze week jeugdconsulent", "vanaf
			 * vandaag de nieuwe ...") */
			if (!tok_in(c, &c->tok[u], (const char *const[]){"de", "jullie", "uw", "je", "nieuwe", "als", "hier",
			                                               "sinds", "kort", "deze", "week", "maand", "vandaag",
			                                               "vanaf", "nu", "per", NULL}))
				break;
		}
	}
	return false;
}

/* The text thanks for praise and passes it on ("lovende woorden ... We
 * geven het door", "compliment ... doorgegeven"). */
static bool passes_praise(const struct ctx *c)
{
	bool praise = false, passed = false;
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		/* (a client named with a title or a family word is theirs: "Beste
		 * mevrouw Arslan, ... uw zoon Deniz") */
		if (k->flags & (W_TITLE | W_FAMILY))
			return false;
		if (!praise)
			praise = tok_in(c, k, (const char *const[]){"compliment", "complimenten", "complimentje", "lovende",
			                                          "lieve", "mooie", "bedankt", "dank", "tevreden", NULL});
		if (!passed)
			passed = tok_in(c, k, (const char *const[]){"doorgegeven", "doorgeven", "doorgestuurd", NULL}) ||
			         (tok_in(c, k, (const char *const[]){"geven", "geef", "sturen", NULL}) && t + 2 < c->ntok &&
			          c->tok[t + 2].sent == k->sent && tok_in(c, &c->tok[t + 2], (const char *const[]){"door", NULL})) ||
			         /* batch 138: "We zeggen het tegen Wendy en Marieke" */
			         (tok_in(c, k, (const char *const[]){"zeggen", "zeg", "vertellen", "vertel", NULL}) &&
			          t + 2 < c->ntok && c->tok[t + 2].sent == k->sent &&
			          tok_in(c, &c->tok[t + 1], (const char *const[]){"het", NULL}) &&
			          tok_in(c, &c->tok[t + 2], (const char *const[]){"tegen", "aan", NULL}));
	}
	return praise && passed;
}

/* Only spaces, commas or one "en" between a name ending at a and the next
 * starting at b: names of one list ("Tjitske Hoekstra en Ravi Jagesar"). */
static bool names_joined(const struct ctx *c, size_t a, size_t b)
{
	while (a < b && (c->t[a] == ' ' || c->t[a] == ','))
		a++;
	return a == b || (a + 3 <= b && !strncmp(c->t + a, "en ", 3) && only_space(c, a + 3, b));
}

/*
 * Wave 25 (batch 107): "mr de Boer" in a pupil's post is the teacher ("mr"
 * for meneer, as "juf" and "meester" are): a name opened by a lower-case
 * "mr" in a text about school is staff.
 */
static void demote_teachers(struct ctx *c)
{
	static const char *const school[] = {"school", "klas", "les", "lessen", "toets", "toetsweek", "huiswerk",
		"aantekeningen", "mentor", "rooster", "bio", "wiskunde", "gym", "leraar", "docent", "lokaal", "spijbel",
		"spijbelen", "proefwerk", "mavo", "havo", "vwo", "vmbo", NULL};
	struct scan_result *r = c->out;
	int schooly = -1;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || x->end - x->start < 4 ||
		    memcmp(c->t + x->start, "mr", 2) || (c->t[x->start + 2] != ' ' && c->t[x->start + 2] != '.'))
			continue;
		if (schooly < 0) {
			schooly = 0;
			for (size_t t = 0; t < c->ntok && !schooly; t++)
				schooly = tok_in(c, &c->tok[t], school);
		}
		if (schooly)
			x->confidence = STAFF_CONF;
	}
}

/*
 * Wave 25 (batches 107, 108): those who lead or are written to for an
 * organisation are staff — "onder begeleiding van Mo en Fenna", "onder
 * leiding van Jan Pieters", "begeleid door Peter en Wendy van het CJG",
 * "Stuur je cv naar ... t.a.v. Jasmijn Hoekstra" — with the names joined to
 * them by "en" or a comma.  Not in a text with the writer's own circle.
 */
static void demote_led_by(struct ctx *c)
{
	struct scan_result *r = c->out;
	bool led = false;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || c->t[x->start] == '@')
			continue;
		if (led && x->confidence >= SCAN_COUNT_CONF) {
			size_t pk = j;
			while (pk > 0 && r->v[pk - 1].type != SCAN_NAME)
				pk--;
			if (pk > 0 && r->v[pk - 1].confidence <= STAFF_CONF && names_joined(c, r->v[pk - 1].end, x->start)) {
				x->confidence = STAFF_CONF;
				continue;
			}
		}
		led = false;
		size_t a = x->start > 24 ? x->start - 24 : 0;
		char w[25];
		size_t n = x->start - a;
		memcpy(w, c->lt + a, n);
		w[n] = '\0';
		/* ("de begeleiding van Yusuf" is his; "t.a.v." only to apply for a job:
		 * a card "t.a.v. mevr. Hoogendoorn" is hers) */
		static const char *const cues[] = {"onder leiding van ", "onder begeleiding van ", "begeleid door ",
			"geleid door ", "o.l.v. ", NULL};
		for (const char *const *q = cues; *q && !led; q++) {
			size_t m = strlen(*q);
			led = n >= m && !memcmp(w + n - m, *q, m);
		}
		if (!led && n >= 7 && (!memcmp(w + n - 7, "t.a.v. ", 7) || !memcmp(w + n - 6, "t.a.v ", 6)))
			for (size_t t = 0; t < c->ntok && !led; t++)
				led = tok_in(c, &c->tok[t], (const char *const[]){"cv", "sollicitatie", "solliciteren",
				                                                 "vacature", "motivatiebrief", NULL});
		if (led && !has_private_circle(c))
			x->confidence = x->confidence < STAFF_CONF ? x->confidence : STAFF_CONF;
		else
			led = false;
	}
}

/*
 * Wave 31, round 18 (batch 139): the speakers of a training or a meeting
 * announced — "Sprekers: Fatma Yilmaz (GGD) en Rob Dieleman", "Nascholing
 * door longverpleegkundige Marijke Schrier", "Scholing met Soraya Martina
 * uit Curaçao en Nicu Stan" — are staff in their role.  Of the labelled
 * texts' names after such a cue in a text about an event, 132 are in posts
 * without client data and 3 in posts with it, each for a speaker's own
 * illness (read by scan_staff_health, which stays) or another person named.
 * A name after "spreker(s)", "presentator", "docent", "trainer", "door" or
 * "met" (a role word or "onze" between), and the names joined to it.  Not
 * in a text with the writer's own circle.
 */
/* Words (or the ends of compounds) that name a training or a meeting. */
static const char *const event_words[] = {"scholing", "training", "webinar", "workshop", "cursus", "lezing",
	"bijeenkomst", "symposium", "congres", "studiedag", "themaavond", "thema-avond", "voorlichting",
	"informatieavond", "masterclass", "intervisie", NULL};

static int speaker_cue_before(const struct ctx *c, size_t off)
{
	static const char *const cues[] = {"spreker", "sprekers", "gastspreker", "gastsprekers", "presentator",
		"docent", "docenten", "trainer", "trainers", "door", "met", "ingebracht", NULL};
	static const char *const role_ends[] = {"kundige", "arts", "loog", "loge", "therapeut", "kenner", "coach",
		"adviseur", "consulent", "specialist", "docent", "trainer", "medewerker", "werker", "assistent", NULL};
	size_t i = tok_first_at(c, off);
	if (i >= c->ntok || c->tok[i].s != off)
		return false;
	for (size_t hop = 0; i > 0 && hop < 3; hop++) {
		const struct tok *k = &c->tok[i - 1];
		if (k->sent != c->tok[i].sent)
			return false;
		/* round 21 (batch 142): "de training van mr. Karin de Wit", "de
		 * lezing van Bas Bloem" (12 of the 14 labelled names after an
		 * event word and "van" are no one's; the 2 others in posts whose
		 * client data is elsewhere) */
		if (i >= 2 && c->tok[i - 2].sent == k->sent && tok_in(c, k, (const char *const[]){"van", NULL}) &&
		    (ends_with_any(c, &c->tok[i - 2], event_words) ||
		     tok_in(c, &c->tok[i - 2], (const char *const[]){"presentatie", "les", "voordracht", NULL})))
			return 1;
		if (tok_in(c, k, cues)) {
			/* ("door" and "met" without a colon, "Sprekers: "); 2: a word
			 * that makes the text an event's by itself (round 20:
			 * "organiseert een avond ... Sprekers: dr. Youssef Amrani") */
			return tok_in(c, k, (const char *const[]){"spreker", "sprekers", "gastspreker", "gastsprekers", NULL})
			           ? 2
			           : 1;
		}
		if (!(tok_in(c, k, (const char *const[]){"de", "onze", "ons", "collega", "zijn", "is", "wordt",
		                                           "worden", "dr", "drs", "prof", NULL}) ||
		      (!k->cap && ends_with_any(c, k, role_ends))))
			return false;
		i--;
	}
	return false;
}

static bool event_text(struct ctx *c)
{
	for (size_t t = 0; t < c->ntok; t++)
		if (ends_with_any(c, &c->tok[t], event_words))
			return !has_private_circle(c);
	return false;
}

static void demote_event_speakers(struct ctx *c)
{
	struct scan_result *r = c->out;
	int eventy = -1;
	/* the hall it is held in, "zaal 1.08", "lokaal 3" (of the labelled
	 * texts' halls, 77 are no one's; the 9 labelled lie "op zaal 3") */
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		char w[4];
		if (x->type != SCAN_ROOM || x->confidence < SCAN_COUNT_CONF || x->end - x->start < 6 ||
		    (memcmp(c->lt + x->start, "zaal ", 5) && memcmp(c->lt + x->start, "lokaal ", 7)) ||
		    (word_before(c, x->start, w, sizeof w, NULL) && !strcmp(w, "op")))
			continue;
		if (eventy < 0)
			eventy = event_text(c);
		if (eventy)
			x->confidence = 0.4;
	}
	/* the health in the event's quoted title, "Nascholing 'COPD en
	 * zuurstoftherapie'", "thema 'de cliënt met dementie'" is its subject */
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t q = x->start, stop = x->start > 60 ? x->start - 60 : 0;
		while (q > stop && !strchr("'\"\n", c->t[q - 1]))
			q--;
		if (q == stop || c->t[q - 1] == '\n' || (q >= 2 && c->t[q - 2] != ' '))
			continue;
		size_t qs = q - 1;
		bool closed = false; /* (the quote must close after the finding) */
		for (size_t p = x->end; p < c->len && p < x->end + 80 && !closed && c->t[p] != '\n'; p++)
			closed = c->t[p] == c->t[qs];
		size_t t = tok_first_at(c, qs);
		if (!closed || t == 0 || t > c->ntok ||
		    !(ends_with_any(c, &c->tok[t - 1], event_words) ||
		      ends_with_any(c, &c->tok[t - 1], (const char *const[]){"thema", NULL})))
			continue;
		if (eventy < 0)
			eventy = event_text(c);
		if (eventy)
			x->confidence = 0.4;
	}
	size_t prev_end = 0;
	bool prev = false, prev_strong = false;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || c->t[x->start] == '@')
			continue;
		bool joined = false;
		if (prev && x->start > prev_end && x->start - prev_end <= 45) {
			/* "Fatma Yilmaz (GGD) en Rob", "Soraya Martina uit Curaçao en Nicu" */
			size_t q = x->start;
			while (q > prev_end && c->t[q - 1] == ' ')
				q--;
			bool clean = true;
			for (size_t p = prev_end; p < q && clean; p++)
				clean = !strchr(".!?:;\n", c->t[p]);
			joined = clean && ((q >= prev_end + 2 && !memcmp(c->lt + q - 2, "en", 2) &&
			                    (q - 2 == prev_end || c->t[q - 3] == ' ')) ||
			                   c->t[q - 1] == ',');
		}
		prev = false;
		/* (not "met mevrouw Jansen": a title opens a client's name; a
		 * professional's does not, round 20: "Sprekers: dr. Youssef
		 * Amrani (gynaecoloog)") */
		size_t t0 = tok_first_at(c, x->start);
		if (t0 < c->ntok && (c->tok[t0].flags & (W_TITLE | W_FAMILY)) &&
		    !tok_in(c, &c->tok[t0], (const char *const[]){"dr", "drs", "prof", "ir", "mr", "dokter", NULL}))
			continue;
		int cue = joined ? (prev_strong ? 2 : 1) : speaker_cue_before(c, x->start);
		if (!cue)
			continue;
		if (eventy < 0)
			eventy = event_text(c);
		if (!eventy && (cue < 2 || has_private_circle(c)))
			continue;
		prev_strong = cue == 2;
		if (x->confidence > STAFF_CONF)
			x->confidence = STAFF_CONF;
		prev = true;
		prev_end = x->end;
	}
}

/* The writer's own name: finding x right after "ik ben" or "mijn naam is"
 * (demote_named_workers, demote_self_intro_contacts). */
static bool self_named(const struct ctx *c, const struct scan_finding *x)
{
	size_t i = tok_first_at(c, x->start);
	return i >= 2 && i < c->ntok && c->tok[i - 2].sent == c->tok[i].sent &&
	       ((tok_is_ik(c, &c->tok[i - 2]) && tok_in(c, &c->tok[i - 1], (const char *const[]){"ben", NULL})) ||
	        (tok_in(c, &c->tok[i - 2], (const char *const[]){"naam", NULL}) &&
	         tok_in(c, &c->tok[i - 1], (const char *const[]){"is", NULL})));
}

/*
 * Wave 26 (batch 114): a professional introducing themselves gives their
 * work line — "ik ben de nieuwe casemanager van FACT-team Noord. Mijn naam
 * is Daan Hofstede, ... bereikbaar via 06 - 15 39 84 20 of d.hofstede@...".
 * When the writer names their work, their own name after "ik ben" or "mijn
 * naam is" is staff's, and nothing but contact lines counts, the numbers
 * and mailboxes given are the work's.
 */
static void demote_self_intro_contacts(struct ctx *c)
{
	struct scan_result *r = c->out;
	bool names = false, phones = false, self = false, mails = false;
	if (!only_contact_kinds(c, false, &names, &phones))
		return;
	/* (batch 138: or a work mailbox, "Mail mij gerust: t.lubbers@...") */
	for (size_t j = 0; j < r->n && !phones && !mails; j++)
		mails = r->v[j].type == SCAN_EMAIL && r->v[j].confidence >= SCAN_COUNT_CONF;
	if (!phones && !mails)
		return;
	size_t sj = NONE;
	for (size_t j = 0; j < r->n && !self; j++)
		if ((self = r->v[j].type == SCAN_NAME && r->v[j].confidence == STAFF_CONF && self_named(c, &r->v[j])))
			sj = j;
	if (!self || names)
		return;
	/* (batch 138: or the role a few words after the name, "ik ben Tineke
	 * Lubbers, sinds deze maand teamleider van ...") */
	bool role = work_self_intro(c);
	size_t u = tok_first_at(c, r->v[sj].end);
	uint32_t sent = c->tok[tok_first_at(c, r->v[sj].start)].sent; /* (self_named: the name is a token) */
	for (size_t v = u; !role && v < c->ntok && v < u + 6 && c->tok[v].sent == sent; v++)
		role = work_word(c, &c->tok[v]);
	if (!role)
		return;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		char w[12];
		size_t b = x->start; /* (past a colon: "Mail mij gerust: ...") */
		while (b > 0 && c->t[b - 1] == ' ')
			b--;
		if (b > 0 && c->t[b - 1] == ':')
			b--;
		if ((x->type == SCAN_PHONE || x->type == SCAN_EMAIL) && x->confidence >= SCAN_COUNT_CONF &&
		    word_before(c, b, w, sizeof w, NULL) &&
		    in_list(w, (const char *const[]){"via", "op", "bel", "app", "mail", "naar", "of", "bereikbaar",
		                                     /* ("Mail mij gerust: ...") */ "gerust", "mij", "me", NULL}))
			x->confidence = 0.4;
	}
}

/*
 * Wave 26 (batch 115): an organisation's timetable names who leads each
 * hour — "ma 10.00 koersbal met Ria, ... wo 10.30 bewegen op muziek met
 * Henk Zomer", "ma/wo groep Zon (begeleiding Bas en Mariëlle)": staff in
 * their role.  A timetable: two clock times or more, or two weekdays
 * written short ("ma", "di/do"), and nothing counted but contact kinds.
 */
static void demote_timetable_staff(struct ctx *c)
{
	struct scan_result *r = c->out;
	bool names = false, phones = false;
	if (!only_contact_kinds(c, false, &names, &phones) || !names)
		return;
	size_t clocks = 0, days = 0;
	for (size_t p = 0; p + 4 < c->len; p++)
		if (isdigit((unsigned char)c->t[p]) && isdigit((unsigned char)c->t[p + 1]) &&
		    (c->t[p + 2] == '.' || c->t[p + 2] == ':') && isdigit((unsigned char)c->t[p + 3]) &&
		    isdigit((unsigned char)c->t[p + 4]) && (p == 0 || !isdigit((unsigned char)c->t[p - 1])))
			clocks++;
	for (size_t t = 0; t < c->ntok; t++)
		days += c->tok[t].e - c->tok[t].s == 2 && !c->tok[t].cap &&
		        tok_in(c, &c->tok[t], (const char *const[]){"ma", "di", "wo", "do", "vr", "za", "zo", NULL});
	if (clocks < 2 && days < 2)
		return;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || c->t[x->start] == '@')
			continue;
		size_t i = tok_first_at(c, x->start);
		bool led = i > 0 && i < c->ntok &&
		           tok_in(c, &c->tok[i - 1], (const char *const[]){"met", "bij", "begeleiding", "door", "en", NULL});
		if (led)
			x->confidence = STAFF_CONF;
	}
}

static void demote_named_workers(struct ctx *c)
{
	struct scan_result *r = c->out;
	bool names = false, phones = false;
	/* (a club's mailbox at a personal domain is 0.4 from scan_emails) */
	if (!only_contact_kinds(c, false, &names, &phones) || !names) /* most posts: no need to read the words */
		return;
	bool own = has_private_circle(c);
	for (size_t j = 0; j < r->n && !own; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || c->t[x->start] == '@')
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i == 0 || i >= c->ntok || c->tok[i - 1].sent != c->tok[i].sent)
			continue;
		/* wave 21 (batch 76): "Admin: Sofia Marinelli", "Gespreksleider is
		 * Hanneke Brouwer" */
		size_t w = i - 1;
		if (!only_space(c, c->tok[w].e, x->start)) {
			size_t g = c->tok[w].e;
			while (g < x->start && c->t[g] == ' ')
				g++;
			/* wave 23 (batch 96): "bellen met de locatiemanager, Karin
			 * Wolters, via ..." */
			if (!(g + 1 < x->start && (c->t[g] == ':' || c->t[g] == ',') && only_space(c, g + 1, x->start)))
				continue;
		} else if (w > 0 && c->tok[w - 1].sent == c->tok[i].sent && c->tok[w].e - c->tok[w].s == 2 &&
		           !strncmp(c->t + c->tok[w].s, "is", 2) && only_space(c, c->tok[w - 1].e, c->tok[w].s)) {
			w--;
		}
		/* wave 24 (batch 102): "onze SEH-artsen in opleiding Mehmet Yıldız" */
		if (w >= 2 && c->tok[w - 2].sent == c->tok[i].sent && tok_in(c, &c->tok[w], (const char *const[]){"opleiding", NULL}) &&
		    tok_in(c, &c->tok[w - 1], (const char *const[]){"in", NULL}))
			w -= 2;
		if (work_word(c, &c->tok[w]) || role_plural(c, &c->tok[w]))
			x->confidence = STAFF_CONF;
		/* round 4 (batch 105): the person to ask in a work note ("vraag
		 * Lisanne bij twijfel") */
		else if (w + 1 == i && tok_in(c, &c->tok[w], (const char *const[]){"vraag", "vraagt", NULL}))
			x->confidence = STAFF_CONF;
	}
	/* round 4 (batch 105): webcare passing praise on to the one praised
	 * ("Bedankt voor uw lovende woorden over Fenna! We geven het door.") */
	if (!own && passes_praise(c))
		for (size_t j = 0; j < r->n; j++)
			if (r->v[j].type == SCAN_NAME && r->v[j].confidence >= SCAN_COUNT_CONF && c->t[r->v[j].start] != '@')
				r->v[j].confidence = STAFF_CONF;
	/* wave 24 (batch 103): the writer introduces themselves in their work
	 * ("Vanaf januari ben ik Wmo-consulent in de wijk. Ik ben Anouk
	 * Dijkstra, bereikbaar op ..."): their name after "ik ben" or "mijn naam
	 * is" when "ben ik", "ik ben (de) (nieuwe)" or "ik werk als" names a role */
	if (work_self_intro(c))
		for (size_t j = 0; j < r->n; j++) {
			struct scan_finding *x = &r->v[j];
			if (x->type == SCAN_NAME && x->confidence >= SCAN_COUNT_CONF && self_named(c, x))
				x->confidence = STAFF_CONF;
		}
	/* wave 24 (batches 101-103): the names of a list after it ("Onze
	 * buurtcoaches Tjitske Hoekstra en Ravi Jagesar"), and names followed by
	 * the organisation they work for ("Marieke en Ahmed van Welzijn De
	 * Haven", "Sabine Verweij van MEE") */
	for (size_t j = 0; j < r->n && !own; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || c->t[x->start] == '@')
			continue;
		/* (findings are sorted by start: the names next to this one) */
		size_t pk = j, nk = j + 1;
		while (pk > 0 && r->v[pk - 1].type != SCAN_NAME)
			pk--;
		while (nk < r->n && r->v[nk].type != SCAN_NAME)
			nk++;
		bool staff = pk > 0 && r->v[pk - 1].confidence == STAFF_CONF && names_joined(c, r->v[pk - 1].end, x->start);
		/* the names up to "van", then the organisation */
		size_t last = x->end;
		if (nk < r->n && names_joined(c, last, r->v[nk].start))
			last = r->v[nk].end;
		size_t t = tok_first_at(c, last);
		if (!staff && t + 1 < c->ntok && c->tok[t].sent == c->tok[t + 1].sent && only_space(c, last, c->tok[t].s) &&
		    tok_in(c, &c->tok[t], (const char *const[]){"van", NULL}) &&
		    (orgish(c, t + 1) || (c->tok[t + 1].acronym && c->tok[t + 1].e - c->tok[t + 1].s >= 3) ||
		     tok_in(c, &c->tok[t + 1], (const char *const[]){"welzijn", "gemeente", "stichting", NULL})))
			staff = true;
		/* wave 24 (batch 104): the role after a comma ("begeleid door Marian
		 * Kok, rouwbegeleider"; the surname a word the name did not take) */
		if (!staff && t < c->ntok) {
			size_t u = t;
			if (only_space(c, last, c->tok[u].s) && c->tok[u].cap && c->tok[u].sent == c->tok[t].sent &&
			    u + 1 < c->ntok && c->tok[u].e < c->len && c->t[c->tok[u].e] == ',')
				last = c->tok[u++].e;
			if (u < c->ntok && last < c->len && c->t[last] == ',' && only_space(c, last + 1, c->tok[u].s) &&
			    c->tok[u].sent == c->tok[t].sent && !c->tok[u].cap &&
			    (work_word(c, &c->tok[u]) || role_like(c, &c->tok[u])))
				staff = true;
		}
		if (staff)
			x->confidence = STAFF_CONF;
	}
}

/*
 * Wave 20 (from batch 66): conditions the lexicon lacks ("Ik heb migraine",
 * "ivm mn PDS kan ik niet mee", "Covid, de derde keer alweer, en ik kom de
 * trap amper op"), with a person in the sentence: the writer, a family word,
 * a title or a counted name.  A list of its own after the health model:
 * the same words in lists/medical.txt retrain the model, which then moved 15
 * texts of batches 43-66 away from their label for 11 towards it.
 */
static void scan_body_complaints(struct ctx *c, size_t n0);
static void scan_clause_conditions(struct ctx *c, size_t n0, unsigned char **cov);
static void scan_situations(struct ctx *c, size_t n0, unsigned char **cov);
static bool word_alt(const char *w, size_t n, const char *alt);
static bool tok_alt(const struct ctx *c, size_t i, const char *alt);

/* scan_late_conditions's words (wave 19 on): conditions the health model
 * does not weigh, read after it */
static const char *const late_conds[] = {"covid", "pds", "migraine", "tinnitus", "ischias", "vertigo",
	"pre-eclampsie", "long-covid", "cvs", "endometriose", "pcos", "lyme",
	/* wave 21, round 3 (batch 78: the writer's own, with "ik" or a
	 * family word in the sentence) */
	"burn-out", "burnout", "overspannen", "miskraam", "miskramen", "methadon", "stent", "brca", "brca-gen",
	"koppijn", "bloedverlies", "kinds", "miscarriage",
	/* round 4 (batch 80) */ "opgebrand",
	/* wave 23 (batches 93, 98) */ "keizersnee", "keizersnede", "slaapapneu", "apneu", "crps",
	"stomadrager",
	/* wave 24 (batch 104) */ "rsi", "ehlers-danlos", "pijnrevalidatie", "herbelevingen", "neuropathie",
	/* wave 25 (batches 107, 108) */ "dyslectisch", "dyslexie", "dyscalculie",
	/* wave 26 (batch 113: chronic illness in a client app) */ "nierstenen", "niersteen", "galstenen",
	"galsteen", "nierkoliek", "donornier", "hartrevalidatie", "longrevalidatie",
	"ejectiefractie", "hyperventilatie", "ademnood", "post-covid", "postcovid",
	/* wave 27 (batch 116: births, and English) */ "ontsluiting", "sectio", "stuitbevalling", "stuitligging",
	"weeën", "fever", "rash", "tonsils", "tonsillitis", "antibiotics", "appendix", "appendicitis", "seizure",
	"seizures", "concussion", "stitches", "c-section", "postpartum",
	/* wave 31 (batch 130; 52 of 54 times health in the labelled texts) */ "nachtmerries",
	/* (batch 136: 2 of 2 and 1 of 1 times health) */ "heupdysplasie", "scheelzien",
	NULL};
static struct wset late_set = WSET(late_conds);
/* compounds of 16 bytes or more, by their head (tok_in reads none) */
static const struct lit late_heads[] = {LIT("zwangerschapsdiab"), LIT("methadonprogramma"), LIT("zelfbeschadiging"),
	LIT("ruggenmergstimulat"), LIT("niertransplant"), LIT("harttransplant"), LIT("longtransplant"),
	LIT("getransplanteerd"), LIT("postpartumdepress"), LIT("zwangerschapsverl")};
/* The verbs the passes below start at, each with its kind: one table,
 * looked up once per token (late_head_marks), instead of each pass
 * walking its own lists over every token. */
enum {
	LH_SIT = 1,    /* scan_care_stays: sitting ("zit nu op de HIC") */
	LH_LIVE = 2,   /* living or moving ("woont op de PG-afdeling") */
	LH_LIE = 4,    /* lying, admitted ("ligt op de neonatologie") */
	LH_CAN = 8,    /* scan_cannot: "kan niet meer praten" */
	LH_HAVE = 16,  /* "heb al 3 dagen niet geslapen" */
	LH_EAT = 32,   /* scan_eats_little: "eet niets meer" */
	LH_SLEEP = 64, /* "slaap al maanden slecht" */
};
static const struct {
	const char *w;
	unsigned char kind;
} late_head_words[] = {{"zit", LH_SIT}, {"zat", LH_SIT}, {"zitten", LH_SIT}, {"woont", LH_LIVE}, {"woon", LH_LIVE},
	{"wonen", LH_LIVE}, {"verblijft", LH_LIVE}, {"verblijf", LH_LIVE}, {"verhuisd", LH_LIVE}, {"verhuist", LH_LIVE},
	{"ligt", LH_LIE}, {"lag", LH_LIE}, {"liggen", LH_LIE}, {"lagen", LH_LIE}, {"opgenomen", LH_LIE}, {"kan", LH_CAN},
	{"kon", LH_CAN}, {"kunnen", LH_CAN}, {"konden", LH_CAN}, {"heb", LH_HAVE}, {"heeft", LH_HAVE}, {"had", LH_HAVE},
	{"hebben", LH_HAVE}, {"eet", LH_EAT}, {"at", LH_EAT}, {"drinkt", LH_EAT}, {"dronk", LH_EAT}, {"slaap", LH_SLEEP},
	{"slaapt", LH_SLEEP}, {"sliep", LH_SLEEP}, {"sliepen", LH_SLEEP}};
static struct wtab late_head_tab;

static bool late_pair[26][26];

/* their first two letters, as a table made once */
static bool head_pair[26][26]; /* the first two letters of late_head_words */

static void late_pair_init(void)
{
	for (size_t h = 0; h < sizeof late_head_words / sizeof late_head_words[0]; h++) {
		const char *w = late_head_words[h].w;
		head_pair[w[0] - 'a'][w[1] - 'a'] = true;
		wtab_add(&late_head_tab, w, strlen(w), late_head_words[h].kind);
	}
	for (const char *const *w = late_conds; *w; w++)
		if ((*w)[0] >= 'a' && (*w)[0] <= 'z' && (*w)[1] >= 'a' && (*w)[1] <= 'z')
			late_pair[(*w)[0] - 'a'][(*w)[1] - 'a'] = true;
	for (size_t h = 0; h < sizeof late_heads / sizeof late_heads[0]; h++)
		late_pair[late_heads[h].s[0] - 'a'][late_heads[h].s[1] - 'a'] = true;
}

static inline bool late_cond(const struct ctx *c, const struct tok *k);

/* Token t opens a condition: a late one (itself, *last = t) or one of the
 * lexicon's (*last its last token, as medical_token says). */
static bool condition_at(const struct ctx *c, size_t t, size_t *last)
{
	if (late_cond(c, &c->tok[t])) {
		*last = t;
		return true;
	}
	return medical_token(c, t, last);
}

/* Token k is one of the late conditions (the table above is made). */
static inline bool late_cond(const struct ctx *c, const struct tok *k)
{
	size_t n = k->e - k->s;
	if (n < 3)
		return false;
	unsigned a = ((unsigned char)c->t[k->s] | 0x20) - 'a', b = ((unsigned char)c->t[k->s + 1] | 0x20) - 'a';
	if (a >= 26 || b >= 26 || !late_pair[a][b])
		return false;
	if (tok_in_set(c, k, &late_set))
		return true;
	for (size_t h = 0; h < sizeof late_heads / sizeof late_heads[0]; h++)
		if (n >= late_heads[h].n && !memcmp(c->lt + k->s, late_heads[h].s, late_heads[h].n))
			return true;
	return false;
}

static void scan_writer_fragments(struct ctx *c, size_t n0, unsigned char **cov);
static void scan_sober_days(struct ctx *c, size_t n0, unsigned char **cov);
static unsigned char *late_head_marks(const struct ctx *c);
static void scan_care_stays(struct ctx *c, size_t n0, unsigned char **cov, const unsigned char *heads);
static void scan_cannot(struct ctx *c, size_t n0, unsigned char **cov, const unsigned char *heads);
static void scan_temperatures(struct ctx *c, size_t n0);
static void scan_preterm(struct ctx *c, size_t n0);
static void scan_eats_little(struct ctx *c, size_t n0, unsigned char **cov, const unsigned char *heads);
static int only_the_writer(struct ctx *c, size_t n0);

static void scan_english_health(struct ctx *c, size_t n0, unsigned char **cov);
static void scan_condition_abbrevs(struct ctx *c, size_t n0, unsigned char **cov);
static bool said_of_someone(struct ctx *c, size_t n0, size_t t, const char *const *others);
static void add_health_span(struct ctx *c, size_t n0, unsigned char **cov, size_t t, size_t v);
static void scan_late_conditions(struct ctx *c)
{
	/* the words' first two letters, read before the lists (most tokens
	 * start with none of them) */
	static pthread_once_t pair_once = PTHREAD_ONCE_INIT;
	pthread_once(&pair_once, late_pair_init);
	size_t n0 = c->out->n;
	unsigned char *cov = NULL;
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		size_t n = k->e - k->s;
		if (n < 3)
			continue;
		/* wave 25 (batch 109): "Ik ben astmapatiënt", "was hartpatiënt" */
		if (n > 11 && c->t[k->e - 1] == 't' && !memcmp(c->t + k->e - 8, "pati\xc3\xabnt", 8) && t > 0 &&
		    c->tok[t - 1].sent == k->sent && tok_in(c, &c->tok[t - 1], (const char *const[]){"ben", "was", "word", "werd", NULL}) &&
		    person_near_as(c, n0, k->s, false)) {
			add_uncovered(c, &cov, n0, SCAN_HEALTH, t, k->s, k->e, 0.6);
			continue;
		}
		/* ("Ik krijg er koppijn van": a figure; wave 26: "Ik lees hier veel
		 * over hartrevalidatie", a topic) */
		if (late_cond(c, k) && !fed_up(c, t) && person_near_as(c, n0, k->s, false) &&
		    !(t > 0 && c->tok[t - 1].sent == k->sent && tok_in(c, &c->tok[t - 1], (const char *const[]){"over", "about", NULL})))
			add_uncovered(c, &cov, n0, SCAN_HEALTH, t, k->s, k->e, 0.6);
	}
	/* and a few things people say of their own drinking, cutting and a
	 * parent who no longer knows them, word for word (batch 78: "Even
	 * eerlijk: ik drink te veel", "Ik snij mezelf weer", "Opa kent mij niet
	 * meer"); the person is in the words or the sentence */
	static const char *const says[][7] = {
		{"drink", "te", "veel", NULL}, {"drink", "teveel", NULL}, {"drinkt", "te", "veel", NULL},
		{"drinkt", "teveel", NULL}, {"snij", "mezelf", NULL}, {"snijd", "mezelf", NULL}, {"kras", "mezelf", NULL},
		{"kent", "mij", "niet", "meer", NULL}, {"kent", "me", "niet", "meer", NULL},
		{"herkent", "me", "niet", "meer", NULL}, {"herkent", "mij", "niet", "meer", NULL},
		{"herkende", "me", "niet", NULL}, {"herkende", "mij", "niet", NULL},
		{"heb", "een", "terugval", NULL}, {"had", "een", "terugval", NULL},
		/* wave 31 (batch 137: "Ik denk er weer aan om er een eind aan te
		 * maken"; 6 of 7 times health in the labelled texts, the seventh a
		 * case without a person) */
		{"er", "een", "eind", "aan", "te", "maken", NULL}, {"er", "een", "einde", "aan", "te", "maken", NULL},
		{"er", "een", "eind", "aan", "wil", "maken", NULL}, {"er", "een", "einde", "aan", "wil", "maken", NULL},
		{"er", "een", "eind", "aan", "maken", NULL}, {"er", "een", "einde", "aan", "maken", NULL}};
	static const char *const heads2[] = {"drink", "drinkt", "snij", "snijd", "kras", "kent", "herkent", "herkende",
		"heb", "had", "er", NULL};
	for (size_t t = 0; t < c->ntok; t++) {
		unsigned char ch = (unsigned char)c->t[c->tok[t].s] | 0x20;
		size_t tn = c->tok[t].e - c->tok[t].s;
		/* ("er" by its two letters: "een" and "en" are everywhere) */
		bool er = tn == 2 && ch == 'e' && (c->t[c->tok[t].s + 1] | 0x20) == 'r';
		if (!er && (tn < 3 || tn > 8 || (ch != 'd' && ch != 's' && ch != 'k' && ch != 'h') ||
		            !tok_in(c, &c->tok[t], heads2)))
			continue;
		const char *hw = tok_low(c, &c->tok[t]); /* (a head of heads2: never too long) */
		for (size_t q = 0; q < sizeof says / sizeof says[0]; q++) {
			if (!hw || strcmp(says[q][0], hw) != 0)
				continue;
			size_t m = 1;
			while (says[q][m] && t + m < c->ntok && c->tok[t + m].sent == c->tok[t].sent &&
			       tok_in(c, &c->tok[t + m], (const char *const[]){says[q][m], NULL}))
				m++;
			if (says[q][m] || !person_near_as(c, n0, c->tok[t].s, false))
				continue;
			add_uncovered(c, &cov, n0, SCAN_HEALTH, t, c->tok[t].s, c->tok[t + m - 1].e, 0.6);
			break;
		}
	}
	/* wave 26 (batch 113): a family word's possessive right before a
	 * condition, anywhere in the sentence ("komt voortaan om 8.00 voor pa's
	 * insuline"; at a sentence's start the health rules read it) */
	for (size_t t = 0; t + 1 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		size_t kl = k->e - k->s, last;
		if (kl < 4 || kl > 15 || c->t[k->e - 1] != 's' || c->t[k->e - 2] != '\'' || k->first ||
		    c->tok[t + 1].sent != k->sent || !(lookup(c->t + k->s, kl - 2) & W_FAMILY))
			continue;
		if (condition_at(c, t + 1, &last))
			add_uncovered(c, &cov, n0, SCAN_HEALTH, t + 1, c->tok[t + 1].s, c->tok[last].e, 0.6);
	}
	/* wave 26 (batch 114): "vanwege mijn eigen depressie" (after the health
	 * rules, whose findings the health model is trained beside) */
	for (size_t t = 0; t + 2 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		size_t last;
		if (k->e - k->s != 5 || memcmp(c->lt + k->s, "eigen", 5) || t == 0 ||
		    c->tok[t - 1].sent != k->sent || c->tok[t + 1].sent != k->sent ||
		    !tok_in(c, &c->tok[t - 1], (const char *const[]){"mijn", "m'n", "mn", "my", NULL}))
			continue;
		if (condition_at(c, t + 1, &last) && !fed_up(c, t + 1))
			add_uncovered(c, &cov, n0, SCAN_HEALTH, t + 1, c->tok[t + 1].s, c->tok[last].e, 0.6);
	}
	/* wave 26 (batch 112): the writer's own, said with "zelf" in a sentence
	 * with "ik", also where the writer tells of their work ("Ik werk op de
	 * kinderoncologie en ben net zelf uit een depressie gekrabbeld") */
	for (size_t t = 0; t + 1 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		if (k->e - k->s != 4 || memcmp(c->lt + k->s, "zelf", 4) || !sentence_persons(c)[k->sent])
			continue;
		bool ik = false;
		for (size_t u = tok_first_at(c, c->sent_at[k->sent]); u < t && !ik; u++)
			ik = tok_is_ik(c, &c->tok[u]);
		for (size_t u = t + 1; ik && u < c->ntok && u <= t + 5 && c->tok[u].sent == k->sent; u++) {
			size_t last;
			if (!condition_at(c, u, &last) || fed_up(c, u))
				continue;
			add_uncovered(c, &cov, n0, SCAN_HEALTH, u, c->tok[u].s, c->tok[last].e, 0.6);
			break;
		}
	}
	unsigned char *heads = late_head_marks(c);
	if (heads) {
		scan_care_stays(c, n0, &cov, heads);
		scan_cannot(c, n0, &cov, heads);
		scan_eats_little(c, n0, &cov, heads);
		free(heads);
	}
	scan_temperatures(c, n0);
	scan_preterm(c, n0);
	scan_clause_conditions(c, n0, &cov);
	scan_situations(c, n0, &cov);
	scan_body_complaints(c, n0);
	scan_writer_fragments(c, n0, &cov);
	scan_sober_days(c, n0, &cov);
	scan_english_health(c, n0, &cov);
	scan_condition_abbrevs(c, n0, &cov);
	free(cov);
}

/*
 * Round 28 (batch 152): a condition written as its abbreviation or
 * eponym, said of someone ("ik heb MS", "Ik ben Yvonne, 38, RRMS sinds
 * 2019", "mn crohn", "allebei DM1", "Ik heb RRMS"): the lexicon leaves
 * "MS" and "Crohn" to the name rules (a title, a surname) and knows no
 * "RRMS" or "DM1".  Only where a word ties it to someone: a possessive
 * right before, a verb of having or the diagnosis a few words before, or
 * "sinds" right after; and only in a sentence with a person that is not
 * anyone ("Heb je ME en kun je niet komen?" stays out).
 */
static bool condition_abbrev(const char *w, size_t n)
{
	static const char *const abbr[] = {"MS", "RRMS", "PPMS", "SPMS", "DM1", "DM2", "T1D", "T2D", "ME", "IBD",
		"ALS", "COPD", "CVA", "NAH", "PTSS", "ADHD", "ADD", "ASS", "LVB", NULL};
	if (n == 5)
		return (w[0] == 'C' || w[0] == 'c') && !memcmp(w + 1, "rohn", 4);
	if (n == 7)
		return !memcmp(w, "colitis", 7);
	/* (capitals first: most words end here) */
	if (n < 2 || n > 4 || !isupper((unsigned char)w[0]) || !(isupper((unsigned char)w[1]) || isdigit((unsigned char)w[1])))
		return false;
	for (const char *const *a = abbr; *a; a++)
		if (strlen(*a) == n && !memcmp(w, *a, n))
			return true;
	return false;
}

static void scan_condition_abbrevs(struct ctx *c, size_t n0, unsigned char **cov)
{
	static const char *const poss[] = {"mijn", "m'n", "mn", "zijn", "z'n", "zn", "haar", NULL};
	static const char *const tie[] = {"heb", "heeft", "hebben", "had", "hadden", "kreeg", "kregen", "diagnose",
		"allebei", "beiden", "ook", NULL};
	static const char *const others[] = {"je", "jij", "u", "we", "wij", "jullie", "men", "iemand", "mensen",
		NULL};
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		if (!condition_abbrev(c->t + k->s, k->e - k->s) || english_sent(c, k->sent))
			continue;
		bool tied = t > 0 && c->tok[t - 1].sent == k->sent && tok_in(c, &c->tok[t - 1], poss);
		for (size_t u = t; !tied && u > 0 && u + 4 > t && c->tok[u - 1].sent == k->sent &&
		                   !memchr(c->t + c->tok[u - 1].e, ',', c->tok[u].s - c->tok[u - 1].e);
		     u--)
			tied = tok_in(c, &c->tok[u - 1], tie);
		if (!tied && t + 1 < c->ntok && c->tok[t + 1].sent == k->sent)
			tied = tok_in(c, &c->tok[t + 1], (const char *const[]){"sinds", NULL});
		if (!tied || !said_of_someone(c, n0, t, others))
			continue;
		add_health_span(c, n0, cov, t, t);
	}
}

/*
 * Round 27 (batch 151): health in an English sentence, said of someone.
 * The models learned Dutch and leave English sentences alone
 * (english_sent), so expats' and international staff's posts ("my dad
 * had a stroke last Tuesday", "Lily was born with a cleft lip", "since my
 * concussion at rugby I can't read for more than 20 minutes") were found
 * only where a term is the same in Dutch.  Phrases, not words: a condition
 * after a verb or preposition that ties it to someone, an injury to a body
 * part, a body part that hurts, what a body can no longer do, a stay in
 * hospital, a pregnancy's weeks, someone's medicine.  The sentence or the
 * one before must have a person (a name, I/my/he/she, a family word, Mr.).
 * English idioms stay out: "I'm sick of this", "that killed me", "break a
 * leg", "this town is killing me" name no condition and no body part.
 */
#define EN_COND "(?:(?:mild|small|minor|major|massive|severe|bad|serious|early[- ]onset|advanced|chronic|acute|" \
	"vascular|type [12]|postpartum|gestational|heart|kidney|leg|back|chest|knee|hip|neck|shoulder|lung|" \
	"breast|brain|drinking|drug|gambling|eating|sleep|panic|anxiety|sickle[- ]cell|bowel|skin|" \
	"peanut|food|nut|bladder|ear|eye|wisdom)\\s+){0,2}" \
	"(?:stroke|heart attack|attack|condition|failure|disease|seizures?|concussion|miscarriage|pneumonia|" \
	"dementia|alzheimer'?s|parkinson'?s|cancer|leuka?emia|tumou?r|diabetes|asthma|copd|epilepsy|" \
	"depression|anxiety|attacks|ptsd|adhd|autism|burn-?out|psychosis|disorder|anorexia|bulimia|migraines?|" \
	"fever|flu|covid|uti|infection|problem|addiction|allergy|problems|pain|fracture|ulcer|sores?|" \
	"tuberculosis|hiv|aids|ms|endometriosis|pre-?eclampsia|surgery|operation|replacement|bypass|" \
	"chemo(?:therapy)?|radiotherapy|dialysis|cleft (?:lip|palate)|stutter|lisp|dyslexia|apnoea|apnea|" \
	"amputation|contractions|rash|cough|lupus|hepatitis|insomnia|polymyalgia|duchenne|scoliosis|" \
	"hernia|thrombosis|embolism|schizophrenia|bipolar|ocd|ald|als|mnd|tia|fall|injury)\\b"
#define EN_BODY "(?:(?:left|right|bad)\\s+)?(?:arm|arms|leg|legs|hip|wrist|ankle|foot|feet|knee|knees|back|" \
	"shoulder|ribs?|nose|collarbone|molar|tooth|teeth|hand|hands|finger|toe|hamstring|neck|chest|stomach|" \
	"belly|tummy|head|eyes?|ears?|jaw|heart|lungs?|skin|wound|side)"
static const char en_health_src[] =
	"(?i)\\b(?:"
	/* a condition tied to someone: "had a stroke", "diagnosed with MS", "after his fall" */
	"(?:has|had|have|having|got|gets|developed|suffered|suffers from|suffering from|struggling with|"
	"diagnosed with|living with|recovering from|treated for|born with|after|since|with|of|from)\\s+"
	"(?:(?:a|an|the|his|her|my|their|your|another|two|three|several|another|really|very|pretty|"
	"recurring|permanent|constant|terrible)\\s+){0,2}" EN_COND
	/* an injury: "broke her hip", "cracked a molar" */
	"|(?:broke|broken|fractured|sprained|dislocated|cracked|injured|twisted|tore|torn|burned|burnt|cut)\\s+"
	"(?:his|her|my|their|your|a|an|the)\\s+" EN_BODY "\\b"
	/* a body part that hurts: "your back has been hurting", "her feet are so swollen" */
	"|(?:my|his|her|their|your)\\s+" EN_BODY "\\s+(?:is|are|was|were|has been|have been|keeps|still|won't|"
	"doesn't|isn't)\\s+(?:(?:so|still|really|very|badly|getting|all|a bit|bit|again|not)\\s+){0,2}"
	"(?:hurting|killing|swollen|broken|bleeding|aching|sore|numb|infected|painful|bend|heal|healing|worse|weak)\\b"
	/* what a body can no longer do: "can't speak properly", "can't put weight on his left leg" */
	"|(?:can't|cannot|can no longer|couldn't|unable to|still can't)\\s+(?:(?:really|properly|even)\\s+)?"
	"(?:walk|stand|swallow|breathe|put weight|lift (?:his|her|my)|use (?:his|her|my)|feel (?:his|her|my)|"
	"(?:speak|talk|read|see|hear|eat|remember)\\s+(?:properly|anymore|any more|yet|for more than|clearly|well)|"
	"remember (?:his|her|my)|stop crying)"
	/* a fall, a faint, a death: "fell last night", "fainted during the seminar" */
	"|(?:fell|fainted|collapsed|passed out|passed away|overdosed|relapsed|died)\\b(?!\\s+(?:asleep|in love|apart|behind|through|for|short|silent))"
	/* a stay in hospital: "was admitted to the HIC", "is in the ICU" */
	"|(?:was|been|got|is|were|being)\\s+(?:re)?admitted\\b"
	"|(?:is|was|am|i'm|she's|he's|still|now|been|back)\\s+in\\s+(?:the\\s+)?(?:hospital|icu|nicu|a&e|er|intensive care)\\b"
	"|(?:on sick leave|uses? a wheelchair|in a wheelchair|on crutches|uses? crutches|in a cast|on oxygen|on dialysis)"
	/* a pregnancy: "is 36 weeks pregnant", "I'm pregnant" */
	"|(?:[0-9]{1,2}|\\w+)\\s+weeks\\s+pregnant|(?:is|am|i'm|she's|was|got|found out i'm)\\s+pregnant|gave birth|c-section"
	/* someone's medicine: "my insulin", "her blood thinners" */
	"|(?:my|his|her|their)\\s+(?:insulin|antidepressants|meds|medication|medicines?|pills|tablets|inhalers?|"
	"sertraline|lithium|blood thinners|antibiotics|epipen|methadone|chemo|painkillers)"
	/* what a body does: "vomiting blood", "coughing up blood", "very confused" */
	"|(?:vomiting|throwing up|coughing up|coughing|stuttering|stammering|hallucinating)\\b"
	"|(?:is|are|was|were|seems?|looks?|feels?|felt|very|so|still)\\s+(?:(?:very|so|really|still|a bit|quite)\\s+)?"
	"(?:swollen|dizzy|confused|unconscious|paralysed|paralyzed|suicidal|depressed)\\b"
	"|(?:wisdom teeth|tonsils|appendix|gallbladder|kidney stone|stitches)\\s+(?:removed|out|taken out|burst)"
	"|(?:been using|using again|drinking every day|clean for [0-9]+)"
	")";

static pcre2_code *en_health_re;
static pthread_once_t en_health_once = PTHREAD_ONCE_INIT;

static void en_health_init(void)
{
	int ec;
	PCRE2_SIZE eo;
	en_health_re = pcre2_compile((PCRE2_SPTR)en_health_src, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
	                             &ec, &eo, NULL);
	if (en_health_re)
		pcre2_jit_compile(en_health_re, PCRE2_JIT_COMPLETE);
}

/* Someone in English in sentence sn: a name among the findings [0, n0), or
 * I/my/he/she, a family word or a title. */
static bool en_person_in(const struct ctx *c, size_t n0, size_t sn)
{
	/* (family words and titles are the lists' own: W_FAMILY, W_TITLE) */
	static const char *const who[] = {"i", "i'm", "i've", "i'd", "im", "me", "my", "he", "she", "him", "his", "her",
		"he's", "she's", "mummy", "daddy", "grandma", "grandpa", "granny", "neighbour", "neighbor", "colleague",
		"flatmate", "roommate", "housemate", "friend", "boyfriend", "girlfriend", "aunt", "uncle", "nephew",
		"niece", "client", "patient", "resident", "landlord", "brother", "sister", "partner", "grandmother",
		"grandfather", "mr", "mrs", "ms", NULL};
	size_t s = c->sent_at[sn], e = sn + 1 < c->nsent ? c->sent_at[sn + 1] : c->len;
	for (size_t f = 0; f < n0; f++)
		if (c->out->v[f].type == SCAN_NAME && c->out->v[f].start >= s && c->out->v[f].start < e)
			return true;
	for (size_t u = tok_first_at(c, s); u < c->ntok && c->tok[u].sent == sn; u++)
		if ((c->tok[u].flags & W_FAMILY) || tok_in(c, &c->tok[u], who))
			return true;
	return false;
}

static void scan_english_health(struct ctx *c, size_t n0, unsigned char **cov)
{
	size_t en = 0;
	for (size_t i = 0; i < c->ntok && en < 2; i++)
		en += (c->tok[i].flags & W_ENFN) != 0;
	if (en < 2)
		return;
	pthread_once(&en_health_once, en_health_init);
	if (!en_health_re)
		return;
	for (size_t sn = 0; sn < c->nsent; sn++) {
		if (!english_sent(c, sn) || !(en_person_in(c, n0, sn) || (sn > 0 && en_person_in(c, n0, sn - 1))))
			continue;
		size_t off = c->sent_at[sn], end = sn + 1 < c->nsent ? c->sent_at[sn + 1] : c->len;
		while (off < end &&
		       pcre2_match(en_health_re, (PCRE2_SPTR)c->t, end, off, 0, c->md, NULL) >= 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
			size_t ms = ov[0], me = ov[1];
			if (me <= ms)
				break;
			size_t t = tok_first_at(c, ms), v = t;
			while (v + 1 < c->ntok && c->tok[v + 1].s < me)
				v++;
			if (t < c->ntok && c->tok[t].s < me)
				add_health_span(c, n0, cov, t, v);
			off = me;
		}
	}
}

/*
 * Wave 27 (batch 119): a count of days without drink or drugs is the
 * writer's own recovery — "Dag 41 zonder drank.", "100 dagen clean!",
 * "3 maanden nuchter", "week 6 zonder gokken": a number beside "dag",
 * "dagen", "week(en)" or "maand(en)", then "zonder" and what one is
 * addicted to, or "clean", "nuchter", "sober", "droog".  In a text where
 * the writer is the only person, or no one is (a diary's heading); a
 * campaign ("Dry January: 31 dagen zonder alcohol") names no one but counts
 * no day of its own: "N dagen" needs "ik", "me" or "mijn" in the text.
 */

/* A person in off's sentence: a name, "ik", a title or a family word
 * (person_near_as), or a pronoun that is not a possessive and not one of
 * others (anyone's: "je", "we"; NULL: none left out). */
static bool someone_in(struct ctx *c, size_t n0, size_t off, const char *const *others)
{
	if (person_near_as(c, n0, off, false))
		return true;
	size_t sn = sentence_of(c, off);
	for (size_t u = tok_first_at(c, c->sent_at[sn]); u < c->ntok && c->tok[u].sent == sn; u++)
		if ((c->tok[u].flags & W_PRONOUN) && !(c->tok[u].flags & W_POSS) && !(others && tok_in(c, &c->tok[u], others)))
			return true;
	return false;
}

/* Health from token t through token v, unless a part of it is already
 * health ("de gesloten afdeling" stays as it was found). */
static void add_health_span(struct ctx *c, size_t n0, unsigned char **cov, size_t t, size_t v)
{
	if (!*cov)
		*cov = tok_cover(c, n0, SCAN_HEALTH);
	for (size_t u = t; u <= v; u++)
		if ((*cov)[u])
			return;
	add_uncovered(c, cov, n0, SCAN_HEALTH, t, c->tok[t].s, c->tok[v].e, 0.6);
}

/* Each token's kind among late_head_words (LH_*, 0 for none), looked up
 * once for the three passes; NULL when no token is one. */
static unsigned char *late_head_marks(const struct ctx *c)
{
	unsigned char *m = NULL;
	for (size_t t = 0; t < c->ntok; t++) {
		size_t n = c->tok[t].e - c->tok[t].s;
		if (n < 2 || n > 9)
			continue;
		/* (by the first two letters first: "de", "en", "van" start none) */
		unsigned char a = (unsigned char)c->lt[c->tok[t].s], b = (unsigned char)c->lt[c->tok[t].s + 1];
		if (a < 'a' || a > 'z' || b < 'a' || b > 'z' || !head_pair[a - 'a'][b - 'a'])
			continue;
		const char *w = tok_low(c, &c->tok[t]);
		const struct word *x = w ? wtab_find(&late_head_tab, w, n) : NULL;
		if (!x)
			continue;
		if (!m)
			m = xcalloc(c->ntok, 1);
		m[t] = (unsigned char)x->flags;
	}
	return m;
}

/* The verb at t is said of someone: its subject, the word before it or
 * right after it, is not anyone's (one of others: "je", "we", "u"), and
 * its sentence has a person (someone_in). */
static bool said_of_someone(struct ctx *c, size_t n0, size_t t, const char *const *others)
{
	const struct tok *k = &c->tok[t];
	if ((t > 0 && c->tok[t - 1].sent == k->sent && tok_in(c, &c->tok[t - 1], others)) ||
	    (t + 1 < c->ntok && tok_in(c, &c->tok[t + 1], others)))
		return false;
	return someone_in(c, n0, k->s, others);
}

/* Length of "27", "27+3" or "32 + 1" at p, 0 if none (a pregnancy's weeks). */
static size_t gest_weeks(const char *t, size_t p, size_t len)
{
	size_t q = p;
	while (q < len && q - p < 2 && t[q] >= '0' && t[q] <= '9')
		q++;
	if (q - p != 2 || (q < len && t[q] >= '0' && t[q] <= '9') || t[p] < '2' || t[p] > '4')
		return 0;
	size_t r = q;
	while (r < len && r - q < 2 && t[r] == ' ')
		r++;
	if (r < len && t[r] == '+') {
		r++;
		while (r < len && r - q < 4 && t[r] == ' ')
			r++;
		if (r < len && t[r] >= '0' && t[r] <= '6')
			q = r + 1;
	}
	return q - p;
}

/*
 * Round 26 (batch 149): a child born early, by its weeks ("geboren bij
 * 27+3 weken", "Geboren met 32 weken, 1600 gram", "bij 34 weken geboren"):
 * all 13 such phrases in the labelled texts are health, and none was
 * found.  Said of someone: a person in the sentence, a pronoun, or the
 * sentence opening with it ("Geboren bij 27 weken, nu 980 gram").
 */
static void scan_preterm(struct ctx *c, size_t n0)
{
	const char *t = c->t;
	if (!memmem(t, c->len, " weken", 6)) /* (most texts: one quick look) */
		return;
	for (size_t p = 0; p + 12 <= c->len; p++) {
		if ((t[p] | 0x20) != 'g' && (t[p] | 0x20) != 'b')
			continue;
		if (p > 0 && is_letter_byte(t, p - 1, c->len))
			continue;
		size_t s = p, e = 0;
		if (!strncasecmp(t + p, "geboren ", 8)) {
			size_t q = p + 8;
			if (!strncasecmp(t + q, "bij ", 4) || !strncasecmp(t + q, "met ", 4))
				q += 4;
			else if (!strncasecmp(t + q, "na ", 3))
				q += 3;
			else
				continue;
			size_t w = gest_weeks(t, q, c->len);
			if (!w || q + w + 6 > c->len || strncmp(t + q + w, " weken", 6))
				continue;
			e = q + w + 6;
		} else if (!strncasecmp(t + p, "bij ", 4)) {
			size_t w = gest_weeks(t, p + 4, c->len), q = p + 4 + w;
			if (!w || q + 14 > c->len || strncmp(t + q, " weken geboren", 14))
				continue;
			e = q + 14;
		} else {
			continue;
		}
		if (e < c->len && is_letter_byte(t, e, c->len))
			continue;
		size_t sn = sentence_of(c, p);
		size_t tp = tok_first_at(c, p), t0 = tok_first_at(c, c->sent_at[sn]);
		bool person = someone_in(c, n0, p, NULL) || tp == t0 ||
		              (p > 0 && (t[p - 1] == '(' || (p > 1 && t[p - 1] == ' ' && t[p - 2] == ','))) ||
		              (tp > t0 && tp < c->ntok &&
		               tok_in(c, &c->tok[tp - 1], (const char *const[]){"is", "was", "werd", "zijn", "waren", NULL}));
		bool covered = false;
		for (size_t f = 0; f < c->out->n && !covered; f++)
			covered = c->out->v[f].type == SCAN_HEALTH && c->out->v[f].start < e && s < c->out->v[f].end;
		if (person && !covered)
			add_finding(c, SCAN_HEALTH, s, e, 0.6);
		p = e;
	}
}

/*
 * Round 26 (batch 149): a fever's temperature said of someone ("Zoë had
 * vannacht 40,2", "heeft al vijf dagen 39,5 koorts", "koorts, 38,9"): 80
 * of the 93 such numbers in the labelled texts are health; most of the
 * rest are thresholds ("bij koorts boven 38,5 bellen"), left out here.
 * Joined to the word "koorts" or "graden" next to it, or to a health
 * finding that ends or starts there.
 */
static void scan_temperatures(struct ctx *c, size_t n0)
{
	const char *t = c->t;
	/* by the decimal signs, found with memchr: two digits before, one after */
	for (int sign = 0; sign < 2; sign++)
	for (const char *d = c->len > 3 ? memchr(t + 2, ",."[sign], c->len - 3) : NULL; d;
	     d = (size_t)(d + 1 - t) < c->len - 1 ? memchr(d + 1, ",."[sign], c->len - 1 - (size_t)(d + 1 - t)) : NULL) {
		size_t p = (size_t)(d - t) - 2;
		if (t[p] != '3' && t[p] != '4')
			continue;
		if (p > 0 && (is_letter_byte(t, p - 1, c->len) || (t[p - 1] >= '0' && t[p - 1] <= '9') ||
		              t[p - 1] == ',' || t[p - 1] == '.' || t[p - 1] == '-' || t[p - 1] == '/'))
			continue;
		int whole = (t[p] - '0') * 10 + (t[p + 1] - '0');
		if (t[p + 1] < '0' || t[p + 1] > '9' || whole < 37 || whole > 42 || (t[p + 2] != ',' && t[p + 2] != '.') ||
		    t[p + 3] < '0' || t[p + 3] > '9')
			continue;
		size_t e = p + 4;
		if (e < c->len && ((t[e] >= '0' && t[e] <= '9') || is_letter_byte(t, e, c->len) ||
		                   ((t[e] == ',' || t[e] == '.') && e + 1 < c->len && t[e + 1] >= '0' && t[e + 1] <= '9')))
			continue; /* "38,50 euro", "39.5km", "40.2.1" */
		/* a threshold, not someone's ("boven 38,5", "vanaf 38 graden") */
		size_t tn = tok_first_at(c, p);
		if (tn > 0 && tn <= c->ntok && c->tok[tn - 1].sent == sentence_of(c, p) &&
		    tok_in(c, &c->tok[tn - 1], (const char *const[]){"boven", "onder", "vanaf", "dan", "tot", "tussen",
		                                                     "above", "over", "hoger", "lager", "bij", NULL}))
			continue;
		size_t s = p;
		/* the word next to it: "38,9 koorts", "39,5 graden", "koorts van 40,2" */
		size_t q = e;
		while (q < c->len && (t[q] == ' ' || t[q] == ','))
			q++;
		static const char *const after[] = {"graden", "koorts", "°C", "°", NULL};
		for (const char *const *w = after; *w; w++) {
			size_t m = strlen(*w);
			if (q + m <= c->len && !strncasecmp(t + q, *w, m) && (q + m == c->len || !is_letter_byte(t, q + m, c->len))) {
				e = q + m;
				break;
			}
		}
		size_t sn = sentence_of(c, p);
		if (!someone_in(c, n0, p, NULL)) {
			/* (or the fever word itself: "Bed 4 koorts 38,9", "op k3 heeft
			 * 39,8 koorts") */
			bool fever = false;
			for (size_t b = p; b-- > 0 && p - b < 16 && !fever;)
				fever = b + 6 <= p && !strncasecmp(t + b, "koorts", 6);
			if (!fever && e > p + 4 && (t[e - 1] | 0x20) == 's') { /* "... koorts" after it */
				for (size_t b = tn, hop = 0; !fever && b-- > 0 && hop < 4 && c->tok[b].sent == sn; hop++)
					fever = tok_in(c, &c->tok[b], (const char *const[]){"heeft", "had", "heb", "hebben", "hadden", NULL});
			}
			if (!fever)
				continue;
		}
		/* joined to a health finding that ends just before ("koorts, 38,9",
		 * "koorts van 40,1") or starts right after */
		bool joined = false;
		for (size_t f = 0; f < c->out->n && !joined; f++) {
			struct scan_finding *x = &c->out->v[f];
			if (x->type != SCAN_HEALTH)
				continue;
			if (x->end <= s && s - x->end <= 5) {
				bool gap = true;
				for (size_t g = x->end; g < s && gap; g++)
					gap = t[g] == ' ' || t[g] == ',' || t[g] == ':' || t[g] == '(';
				if (!gap && s - x->end == 5 && !strncasecmp(t + x->end, " van ", 5))
					gap = true;
				if (gap) {
					x->end = e;
					joined = true;
				}
			} else if (x->start >= s && x->start <= e) {
				x->start = s;
				if (x->end < e)
					x->end = e;
				joined = true;
			} else if (x->start <= s && x->end >= e) {
				joined = true;
			}
		}
		if (!joined)
			add_finding(c, SCAN_HEALTH, s, e, 0.6);
	}
}

/*
 * Wave 31 (batches 145-148): what a body can no longer do, said of someone
 * ("Ze kan niet meer praten", "kan hij niet lopen", "ik kan bijna niet meer
 * slikken"): 43 of 58 such phrases in the labelled texts are health, and
 * the rest are mostly health the labels left out.  The subject is the
 * writer or a third person, not "je", "we" or "u" (what anyone cannot do,
 * a noise the neighbours make: "we kunnen niet slapen door de buren").
 */
static void scan_cannot(struct ctx *c, size_t n0, unsigned char **cov, const unsigned char *heads)
{
	static const char *const fill[] = {"ik", "hij", "ze", "zij", "nog", "niet", "nauwelijks", "amper", "bijna",
		"meer", "goed", "zelf", "echt", "gewoon", "helemaal", "haast", NULL};
	static const char *const nots[] = {"niet", "nauwelijks", "amper", NULL};
	static const char *const does[] = {"slikken", "lopen", "slapen", "eten", "plassen", "ademen", "zien",
		"horen", "praten", "staan", "opstaan", "traplopen", "bewegen", "drinken", "fietsen", NULL};
	static const char *const others[] = {"je", "jij", "u", "we", "wij", "jullie", "men", NULL};
	/* and what was not done for days ("ik heb al 3 dagen niet geslapen",
	 * "heeft al twee nachten niet geslapen"; 16 of 21 labelled health, and
	 * the rest health the labels left out) */
	static const char *const span[] = {"al", "twee", "drie", "vier", "vijf", "dagen", "nachten", "weken", "de",
		"hele", "nacht", "vannacht", "weer", "steeds", NULL};
	static const char *const done[] = {"geslapen", "gegeten", "gedronken", "geplast", "gepoept", NULL};
	for (size_t t = 0; t + 2 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		if (!(heads[t] & (LH_CAN | LH_HAVE)))
			continue;
		bool had = heads[t] & LH_HAVE;
		bool neg = false;
		size_t v = t + 1;
		while (v < c->ntok && v <= t + 7 && c->tok[v].sent == k->sent &&
		       (tok_in(c, &c->tok[v], fill) || (had && (tok_in(c, &c->tok[v], span) || digit_at(c, c->tok[v].s))))) {
			neg |= tok_in(c, &c->tok[v], nots);
			v++;
		}
		if (!neg || v >= c->ntok || c->tok[v].sent != k->sent || !tok_in(c, &c->tok[v], had ? done : does))
			continue;
		/* ("kan niet slapen door de herrie") */
		if (v + 1 < c->ntok && c->tok[v + 1].sent == k->sent && tok_in(c, &c->tok[v], (const char *const[]){"slapen", NULL}) &&
		    tok_in(c, &c->tok[v + 1], (const char *const[]){"door", NULL}))
			continue;
		if (!said_of_someone(c, n0, t, others))
			continue;
		add_health_span(c, n0, cov, t, v);
		t = v;
	}
}

/*
 * Round 26 (batch 149): someone who hardly eats ("ze eet tussen de middag
 * niets meer", "eet sinds gisteren niets meer", "eet ik weinig"): of the
 * 21 such phrases in the labelled texts the rules did not find, 11 are
 * labelled health and 4 more are health the labels left out; the rest are
 * anyone's ("eten met weinig zout"), which the person and the word after
 * keep out.
 */
static void scan_eats_little(struct ctx *c, size_t n0, unsigned char **cov, const unsigned char *heads)
{
	/* LH_EAT; and LH_SLEEP, who sleeps badly ("slaap ik al maanden slecht",
	 * "slaapt hij niet en schrikt hij van elk geluid", "slaap ik maar 4
	 * uur"): of the 33 such phrases the rules did not find, 21 are
	 * labelled health and 10 more are health the labels left out */
	static const char *const badly[] = {"slecht", "nauwelijks", "amper", "niet", "onrustig", "maar", NULL};
	static const char *const fill[] = {"ze", "zij", "hij", "ik", "nog", "steeds", "bijna", "echt", "sinds",
		"gisteren", "tussen", "de", "middag", "s", "'s", "middags", "daardoor", "al", "dagen", "weken", "op",
		"school", "wel", "heel", "erg", "ook", "maanden", "nachten", "twee", "drie", "zelf", "nu", "er",
		"zo", NULL};
	static const char *const little[] = {"niks", "niets", "nauwelijks", "amper", "slecht", "weinig", NULL};
	static const char *const then[] = {"en", "maar", "meer", "sinds", "van", "op", "tussen", "nog", "door",
		"want", "omdat", "of", "per", NULL};
	static const char *const others[] = {"je", "jij", "u", "we", "wij", "jullie", "men", "het", NULL};
	for (size_t t = 0; t + 1 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		if (!(heads[t] & (LH_EAT | LH_SLEEP)))
			continue;
		bool sleep = heads[t] & LH_SLEEP;
		size_t v = t + 1;
		while (v < c->ntok && v <= t + 5 && c->tok[v].sent == k->sent && tok_in(c, &c->tok[v], fill))
			v++;
		if (v >= c->ntok || c->tok[v].sent != k->sent || !tok_in(c, &c->tok[v], sleep ? badly : little))
			continue;
		const struct tok *nx = v + 1 < c->ntok && c->tok[v + 1].sent == k->sent ? &c->tok[v + 1] : NULL;
		if (sleep && tok_in(c, &c->tok[v], (const char *const[]){"maar", NULL})) {
			/* "maar 4 uur", "maar een uur of drie" */
			static const char *const hours[] = {"uur", "uurtjes", NULL};
			size_t h = nx && tok_in(c, nx, hours) ? v + 1 /* (a figure is no word: "maar 4 uur") */
			           : v + 2 < c->ntok && c->tok[v + 2].sent == k->sent && tok_in(c, &c->tok[v + 2], hours) ? v + 2
			                                                                                               : NONE;
			if (h == NONE)
				continue;
			v = h;
		} else if (nx && only_space(c, c->tok[v].e, nx->s) && !tok_in(c, nx, then)) {
			/* ("eet weinig groente": what, not how much; "slaapt niet
			 * thuis", "sliep niet bij oma": where) */
			continue;
		}
		if (!said_of_someone(c, n0, t, others))
			continue;
		add_health_span(c, n0, cov, t, v);
		t = v;
	}
}

/*
 * Wave 31 (batches 143-148): where someone stays in care, said with a verb
 * of living or sitting ("woont sinds maandag op de PG-afdeling", "zit nu op
 * de HIC", "verhuist naar de psychogeriatrie", "ligt op de gesloten
 * afdeling"), in a sentence with a person or a pronoun.  The place comes
 * right after the preposition and its article, so a place's part is not one
 * ("zit in de vrijwilligerspool van het ziekenhuis").  After the models:
 * admitted() reads the lying and the admitted before them, and their
 * features stay as they were trained.
 */
static void scan_care_stays(struct ctx *c, size_t n0, unsigned char **cov, const unsigned char *heads)
{
	/* sitting is also waiting or visiting ("zit al 3 uur op de SEH", "zit
	 * nu bij hem in het ziekenhuis"): only where one stays, not waits;
	 * lying and being admitted only where admitted() does not look */
	static const char *const stays[] = {"pg-afdeling", "psychogeriatrie", "pg", "crisisdienst", "neonatologie", NULL};
	static const char *const clinics[] = {"kliniek", "afkickkliniek", "ggz-kliniek", "ggz", "crisisopvang",
		"crisisafdeling", "hic", "paaz", "psychiatrie", NULL};
	static const char *const homes[] = {"hospice", "revalidatiecentrum", NULL};
	static const char *const wards[] = {"gesloten", "besloten", "open", NULL};
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		int how = heads[i] & LH_SIT ? 1 : heads[i] & LH_LIVE ? 2 : heads[i] & LH_LIE ? 3 : 0;
		if (!how)
			continue;
		size_t d = i + 1, e = NONE;
		for (; d < c->ntok && d <= i + 6 && c->tok[d].sent == k->sent; d++) {
			const struct tok *w = &c->tok[d];
			if (tok_in(c, w, (const char *const[]){"kamer", "bed", "box", "couveuse", "appartement", "studio", NULL}))
				break; /* a room first ("zit op kamer 11 van de crisisafdeling"): the room rules' */
			if (tok_in(c, w, stays) || (how < 3 && tok_in(c, w, clinics)) || (how == 2 && tok_in(c, w, homes)))
				e = d;
			else if (d + 1 < c->ntok && c->tok[d + 1].sent == k->sent && tok_in(c, w, wards) &&
			         tok_in(c, &c->tok[d + 1], (const char *const[]){"afdeling", "groep", NULL}))
				e = d + 1;
			if (e != NONE)
				break;
		}
		if (e == NONE)
			continue;
		size_t p = d - 1;
		if (p > i && tok_in(c, &c->tok[p], (const char *const[]){"de", "het", "een", NULL}))
			p--;
		if (p <= i || !tok_in(c, &c->tok[p], (const char *const[]){"in", "op", "bij", "naar", "van", NULL}))
			continue;
		if (someone_in(c, n0, k->s, NULL))
			add_health_span(c, n0, cov, i, e);
		i = e;
	}
}

static void scan_sober_days(struct ctx *c, size_t n0, unsigned char **cov)
{
	static const char *const units[] = {"dag", "dagen", "week", "weken", "maand", "maanden", "jaar", NULL};
	static const char *const without[] = {"drank", "alcohol", "drugs", "wiet", "coke", "cocaïne", "heroïne", "speed",
		"gokken", "roken", "sigaretten", "peuken", "blowen", "drinken", "gebruik", "gebruiken", "bier", "wijn",
		"xtc", "ghb", "pillen", "drinking", NULL};
	static const char *const states[] = {"clean", "nuchter", "sober", "droog", NULL};
	int alone = -1;
	for (size_t t = 0; t + 1 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		size_t kn = k->e - k->s;
		unsigned char f0 = (unsigned char)c->t[k->s] | 0x20;
		if (kn < 3 || kn > 7 || (f0 != 'd' && f0 != 'w' && f0 != 'm' && f0 != 'j'))
			continue;
		/* the number: right after "dag"/"week" ("Dag 41"), or right before
		 * the unit ("100 dagen"); read before the word (few words have one) */
		size_t p = k->e, q = k->s;
		while (p < c->len && c->t[p] == ' ')
			p++;
		bool after = digit_at(c, p);
		while (q > 0 && c->t[q - 1] == ' ')
			q--;
		bool before = q > 0 && digit_at(c, q - 1);
		if ((!after && !before) || !tok_in(c, k, units))
			continue;
		size_t u = t + 1;
		if (u >= c->ntok || c->tok[u].sent != k->sent)
			continue;
		size_t end = 0;
		if (tok_in(c, &c->tok[u], states))
			end = c->tok[u].e;
		else if (u + 1 < c->ntok && c->tok[u + 1].sent == k->sent &&
		         tok_in(c, &c->tok[u], (const char *const[]){"zonder", "without", "no", NULL}) &&
		         tok_in(c, &c->tok[u + 1], without))
			end = c->tok[u + 1].e;
		if (!end)
			continue;
		if (alone < 0)
			alone = only_the_writer(c, n0);
		/* "Dag 41 zonder drank": a diary's heading; "100 dagen clean":
		 * the writer's word needed */
		if (alone == 0 || (!after && alone != 1))
			continue;
		size_t from = k->s;
		if (before)
			for (from = q; from > 0 && digit_at(c, from - 1);)
				from--;
		add_uncovered(c, cov, n0, SCAN_HEALTH, t, from, end, 0.6);
		/* (no one in the text: it is the writer's diary, as
		 * scan_writer_fragments says of its own) */
		if (alone == 2)
			c->diary = true;
	}
}

/* A comma (or semicolon, colon, dash) between tokens t - 1 and t. */
static bool clause_break(const struct ctx *c, size_t t)
{
	for (size_t p = c->tok[t - 1].e; p < c->tok[t].s; p++)
		if (c->t[p] == ',' || c->t[p] == ';' || c->t[p] == ':' || c->t[p] == '(' || c->t[p] == ')')
			return true;
	return false;
}

/*
 * Wave 26 (batch 113): the writer is the only person in the text — "ik",
 * "me", "mijn" (or "I", "my") in it and no one else: no family word, no
 * title, no counted name among the findings [0, n0), no "hij" or "zij", no
 * "we" or "onze" (a household, a team), no professional speaking as one
 * ("Als verpleegkundige zie ik ...").  1: the writer alone; 2: no one at
 * all, not even the writer by a word (a diary: "Gisteren de diagnose
 * bipolair gekregen"); 0: someone else.
 */
static int only_the_writer(struct ctx *c, size_t n0)
{
	bool writer = false;
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		/* ("familie" alone is anyone's: "hoe ik de familie van de donor moet bedanken") */
		if ((k->flags & (W_FAMILY | W_TITLE)) &&
		    !(k->e - k->s == 7 && !memcmp(c->lt + k->s, "familie", 7)))
			return 0;
		if ((k->flags & W_ROLE) && i > 0 && tok_in(c, &c->tok[i - 1], (const char *const[]){"als", "as", NULL}))
			return 0;
		if (k->first && (k->flags & W_IKVERB))
			writer |= ikless_start(c, i);
		size_t n = k->e - k->s;
		if (n > 6)
			continue;
		/* by the first letter and the length, one short list at most a word */
		switch ((unsigned char)c->t[k->s] | 0x20) {
		case 'i':
			writer |= tok_is_ik(c, k) || (n == 1 && c->t[k->s] == 'I');
			break;
		case 'm':
			writer |= !writer && n >= 2 && tok_in(c, k, (const char *const[]){"me", "mij", "mijn", "m'n", "mn",
			                                                                 "mezelf", "my", "myself", NULL});
			break;
		case 'h':
			if (n <= 3 && tok_in(c, k, (const char *const[]){"hij", "hem", "he", "him", "his", "hun", NULL}))
				return 0;
			break;
		case 'z':
		case 's':
			if (n == 3 && tok_in(c, k, (const char *const[]){"zij", "she", NULL}))
				return 0;
			break;
		case 'w':
		case 'o':
		case 'u':
		case 't':
			if (n >= 2 && n <= 5 && tok_in(c, k, (const char *const[]){"we", "wij", "ons", "onze", "our", "us",
			                                                           "they", "their", NULL}))
				return 0;
			break;
		}
	}
	for (size_t f = 0; f < n0; f++)
		if (c->out->v[f].type == SCAN_NAME && c->out->v[f].confidence >= SCAN_COUNT_CONF)
			return 0;
	return writer ? 1 : 2;
}

/* Tokens [from, b) are a clause with no verb or subject of the list (nor
 * one of the writer's verbs), not a heading before a colon. */
static bool verbless(const struct ctx *c, size_t from, size_t b, const char *const *verbs)
{
	for (size_t v = from; v < b; v++)
		if ((c->tok[v].flags & W_IKVERB) || (c->tok[v].e - c->tok[v].s <= 8 && tok_in(c, &c->tok[v], verbs)))
			return false;
	size_t p = c->tok[b - 1].e;
	while (p < c->len && c->t[p] == ' ')
		p++;
	return !(p < c->len && c->t[p] == ':');
}

/* A past participle by its shape, "ge...d" or "ge...t" ("gehad",
 * "geopereerd", "gewandeld"), or English "diagnosed". */
static bool participle(const struct ctx *c, const struct tok *k)
{
	size_t n = k->e - k->s;
	const char *w = c->t + k->s;
	if (n == 9 && !strncasecmp(w, "diagnosed", 9))
		return true;
	if (n < 5 || (w[0] | 0x20) != 'g' || w[1] != 'e')
		return false;
	if (w[n - 1] == 'd' || w[n - 1] == 't')
		return true;
	/* the strong ones ("gekregen"), by name: "gebouwen", "gedachten" end so too */
	static const char *const strong[] = {"gekregen", "gegeten", "gebroken", "gevallen", "geslapen", "gelopen",
		"gezien", "gedaan", "gegeven", "gebleven", "gevonden", "gezeten", "gelegen", "geweest", "gekomen",
		"gegaan", "genomen", "gesproken", "gehouden", "geholpen", "gedronken", "gestorven", "geschreven", NULL};
	return w[n - 1] == 'n' && tok_in(c, k, strong);
}

/*
 * Wave 26 (batch 113): where the writer is the only person, a clause
 * without a subject or a verb tells the writer's own health, as a diary
 * does — "Long covid sinds maart 2022.", "20 jaar jicht en nu ook
 * nierstenen.", "vanochtend een hypo gehad in de supermarkt, ...", "Vorige
 * maand getransplanteerd".  A clause is what lies between the sentence's
 * start or end and a comma, colon, semicolon or bracket; one before a colon
 * is a heading ("Vroege psychose: de richtlijn wil ..."), not a clause.
 */
static void scan_writer_fragments(struct ctx *c, size_t n0, unsigned char **cov)
{
	static const char *const verbs[] = {"is", "was", "zijn", "waren", "ben", "bent", "heb", "hebt", "heeft",
		"had", "hadden", "word", "wordt", "werd", "werden", "kan", "kun", "kunt", "kon", "konden", "kunnen",
		"moet", "moest", "moeten", "wil", "wilt", "wilde", "willen", "ga", "gaat", "ging", "gaan", "kom",
		"komt", "kwam", "komen", "zit", "zat", "ligt", "lag", "lig", "sta", "staat", "stond", "doe", "doet",
		"deed", "doen", "zeg", "zegt", "zei", "krijg", "krijgt", "kreeg", "weet", "wist", "mag", "mocht", "zal",
		"zou", "zullen", "blijf", "blijft", "bleef", "lijkt", "leek", "vind", "vindt", "vond", "voel", "voelt",
		"voelde", "denk", "denkt", "dacht", "helpt", "hielp", "duurt", "duurde", "loop", "loopt", "liep",
		"heet", "maakt", "gebruik", "gebruikt", "neem", "neemt", "nam", "geeft", "gaf", "hoor", "hoort", "zie",
		"ziet", "zag", "slaap", "werk", "werkt", "hou", "houdt", "mis", "valt", "viel", "lees", "leest", "las",
		"am", "are", "were", "have", "has", "do", "does", "did", "can", "could", "will", "would", "should",
		"must", "get", "got", "feel", "felt", "ik", "je", "jij", "u", "ze", "i", "you",
		/* (finite verbs shaped like a participle) */ "gebeurt", "geeft", "geldt", "gelooft", "geniet", "gedraagt",
		"gebruikt", "geneest", "worden", NULL};
	/* a time or a happening in the sentence: the diary's "Vanochtend ...
	 * gehad", "20 jaar ...", "... sinds maart" */
	static const char *const when[] = {"vandaag", "gisteren", "gister", "vanochtend", "vanmorgen", "vanmiddag",
		"vanavond", "vannacht", "sinds", "jaar", "jaren", "maand", "maanden", "week", "weken", "dagen",
		"vorige", "vorig", "afgelopen", "eindelijk", "weer", "today", "yesterday", "since", "recently",
		"years", "months", "weeks", "morgen", "overmorgen", "volgende", "tomorrow",
		/* round 4 (batch 114): "dag 12 zonder sertraline", "om 3 uur wakker met hartkloppingen" */
		"dag", "nacht", "uur", "ochtend", "avond", NULL};
	/* the writer learning or teaching, not ill ("Vandaag de cursus oncologische
	 * fysiotherapie afgerond", "Spreekbeurt gehouden over autisme") */
	static const char *const study[] = {"scholing", "cursus", "opleiding", "training", "spreekbeurt",
		"protocol", "richtlijn", "webinar", "lezing", "congres", "stage", "stageverslag", "verslag", "toets",
		"tentamen", "examen", "college",
		/* (an advertisement: "Vacature PGB-assistent ..., ervaring met tillift gewenst") */
		"vacature", "vacatures", "gezocht", "gevraagd", "gewenst", NULL};
	/* a topic: "over autisme", "bij dementie", "voor een rolstoel" */
	static const char *const about[] = {"over", "bij", "voor", "tussen", "about", "for", NULL};
	static const char *const curses[] = {"kanker", "kanke", "kk", "tering", "tyfus", "pest", "klere", "kolere",
		"cholera", "pleuris", NULL};
	static const char *const stays[] = {"opname", "clean", "nuchter", "detox", NULL};
	/* the whole text first: the writer alone (most texts are not), not at a course */
	int alone = only_the_writer(c, n0);
	if (!alone)
		return;
	for (size_t t = 0; t < c->ntok; t++)
		if (c->tok[t].e - c->tok[t].s >= 5 && tok_in(c, &c->tok[t], study))
			return;
	/* round 4 (batch 114): with no "ik", a clause of the diary's own shape
	 * anywhere — no verb, a time in its sentence, a participle closing it
	 * ("weer een slechte nacht gehad", "Vandaag voor het eerst weer zelf
	 * boodschappen gedaan") — is the writer too */
	for (size_t a = 0; alone == 2 && a < c->ntok;) {
		size_t b = a + 1, s = c->tok[a].sent;
		while (b < c->ntok && c->tok[b].sent == s && !clause_break(c, b))
			b++;
		size_t from = a;
		a = b;
		if (!participle(c, &c->tok[b - 1]) || !verbless(c, from, b, verbs))
			continue;
		for (size_t t = tok_first_at(c, c->sent_at[s]); t < c->ntok && c->tok[t].sent == s && alone == 2; t++)
			if (tok_in(c, &c->tok[t], when))
				alone = 1;
	}
	for (size_t a = 0; a < c->ntok;) {
		/* the clause [a, b) */
		size_t b = a + 1, s = c->tok[a].sent;
		while (b < c->ntok && c->tok[b].sent == s && !clause_break(c, b))
			b++;
		size_t from = a, j, last = 0;
		a = b;
		for (j = from; j < b; j++) {
			/* (and what a diary says of a stay or of staying off: "opname dag
			 * 23", "100 dagen clean") */
			if (tok_in(c, &c->tok[j], stays))
				last = j;
			else if (!condition_at(c, j, &last))
				continue;
			if (fed_up(c, j) || (j > 0 && c->tok[j - 1].sent == s && tok_in(c, &c->tok[j - 1], about)))
				continue;
			/* a curse before the word it strengthens ("kanker koud vandaag") */
			if (j + 1 < b && !c->tok[j].cap && tok_in(c, &c->tok[j], curses) &&
			    !tok_in(c, &c->tok[j + 1], when) && !participle(c, &c->tok[j + 1]))
				continue;
			break;
		}
		if (j == b)
			continue;
		if (!verbless(c, from, b, verbs))
			continue;
		/* not a question ("Verschil tussen Parkinson en parkinsonisme?"),
		 * and a time or a happening in the sentence */
		size_t q = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
		while (q > c->tok[j].e && (c->t[q - 1] == ' ' || c->t[q - 1] == '\n' || c->t[q - 1] == '\r'))
			q--;
		bool told = false, when_ = false, happened = false;
		for (size_t t = tok_first_at(c, c->sent_at[s]); t < c->ntok && c->tok[t].sent == s; t++) {
			when_ = when_ || tok_in(c, &c->tok[t], when);
			happened = happened || (t + 1 == b && participle(c, &c->tok[t]));
			told = told || when_ || participle(c, &c->tok[t]);
		}
		/* (with no "ik" in the text, a diary's clause only: a time, and a
		 * participle closing the clause, "Gisteren de diagnose bipolair
		 * gekregen") */
		if (alone == 2)
			told = when_ && happened;
		if (told && !memchr(c->t + c->tok[j].e, '?', q - c->tok[j].e)) {
			add_uncovered(c, cov, n0, SCAN_HEALTH, j, c->tok[j].s, c->tok[last < b ? last : j].e, 0.6);
			/* the diary is the writer speaking of themselves (writer_speaks,
			 * which the later rules ask: "a post with no one in it") */
			c->diary = true;
		}
	}
}

/*
 * Wave 23 (batches 92 to 96): a condition in a clause whose subject is the
 * writer or one of theirs, with the verb at its end — "omdat ik weer aan de
 * chemo moet", "Dat ik al drie jaar een stoma heb", "Sinds ik corona had",
 * "nu mijn moeder niet meer zelf kan eten".  The health model reads "ik"
 * and a family word next to the condition in a main clause and misses them
 * here.  The clause opens with a subordinating word and its subject; it
 * runs to a comma or the sentence's end (at most twelve words), and a clause
 * about the writer's work ("dat ik op de IC werk") is not one.
 */
static void scan_clause_conditions(struct ctx *c, size_t n0, unsigned char **cov)
{
	static const char conj[] = "omdat|dat|sinds|nu|toen|doordat|nadat|waardoor|zodat|aangezien|terwijl|sedert";
	static const char *const own[] = {"mijn", "mn", "m'n", "onze", "ons", NULL};
	static const char *const work[] = {"werk", "werkte", "werkt", "stage", "dienst", "diensten",
		"collega", "collega's", "cliënt", "cliënten", "patiënt", "patiënten", "bewoner", "bewoners", "vak",
		"opleiding", "cursus", "scholing", "training", "les", "vrijwilliger", "vrijwilligerswerk", NULL};
	const bool *persons = c->ntok > 2 ? sentence_persons(c) : NULL;
	for (size_t t = 0; t + 2 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		size_t n = k->e - k->s;
		unsigned char ch = (unsigned char)c->t[k->s] | 0x20;
		if (n < 2 || n > 9 || !persons[k->sent]) /* (the subject is "ik" or a family word) */
			continue;
		/* (the words' first two letters: "om", "do", "da", "si", "nu", "to",
		 * "na", "wa", "zo", "aa", "te", "se") */
		unsigned char c2 = (unsigned char)c->t[k->s + 1] | 0x20;
		bool maybe = (ch == 'o' && c2 == 'm') || (ch == 'd' && (c2 == 'o' || c2 == 'a')) ||
		             (ch == 's' && (c2 == 'i' || c2 == 'e')) || (ch == 'n' && (c2 == 'u' || c2 == 'a')) ||
		             (ch == 't' && (c2 == 'o' || c2 == 'e')) || (ch == 'w' && c2 == 'a') || (ch == 'z' && c2 == 'o') ||
		             (ch == 'a' && c2 == 'a');
		if (!maybe || !word_alt(c->t + k->s, n, conj))
			continue;
		size_t s = k->sent, b = t + 1; /* the clause's body starts at b */
		if (c->tok[b].sent != s || clause_break(c, b))
			continue;
		if (tok_is_ik(c, &c->tok[b])) {
			b++;
		} else if (tok_in(c, &c->tok[b], own) && c->tok[b + 1].sent == s && (c->tok[b + 1].flags & W_FAMILY)) {
			b += 2;
		} else {
			continue;
		}
		size_t end = b;
		bool works = false;
		while (end < c->ntok && end < b + 12 && c->tok[end].sent == s && (end == b || !clause_break(c, end))) {
			works |= tok_in(c, &c->tok[end], work) || work_word(c, &c->tok[end]);
			/* wave 31 (batch 147): the clause ends at its verb, where a
			 * run-on sentence goes on without a comma ("dat ik een
			 * blaasontsteking heb 😩 de assistente zegt ...") */
			size_t nx = end + 1; /* the next word, past an emoji */
			while (nx < c->ntok && (unsigned char)c->t[c->tok[nx].s] >= 0xF0)
				nx++;
			bool verb = end > b && (c->tok[end].flags & W_IKVERB) && nx < c->ntok &&
			            tok_in(c, &c->tok[nx], (const char *const[]){"de", "het", "een", "maar", "en", "ik", "hij",
			                                                         "ze", "zij", "die", NULL});
			end++;
			if (verb)
				break;
		}
		if (works)
			continue;
		for (size_t j = b; j < end; j++) {
			size_t last;
			/* (not plain "ziek": "dat ik ziek ben in mijn hoofd") */
			if (medical_token(c, j, &last) && !fed_up(c, j) &&
			    !tok_in(c, &c->tok[j], (const char *const[]){"ziek", NULL})) {
				add_uncovered(c, cov, n0, SCAN_HEALTH, j, c->tok[j].s, c->tok[last < end ? last : j].e, 0.6);
				break;
			}
		}
	}
}

/* The n bytes at w are one of the '|'-separated alternatives of alt, in
 * ASCII lower case (a word with other letters is none of them); "@spec" is
 * a medical specialist ("cardioloog", "longarts", "kaakchirurg"). */
static bool word_alt(const char *w, size_t n, const char *alt)
{
	if (alt[0] == '@') { /* "@spec" */
		static const struct lit ends[] = {LIT("loog"), LIT("arts"), LIT("chirurg"), LIT("specialist")};
		for (size_t e = 0; e < sizeof ends / sizeof ends[0]; e++)
			if (n > ends[e].n + 2 && ends_with_ascii(w, n, ends[e].s, ends[e].n))
				return true;
		return false;
	}
	for (const char *p = alt;;) {
		size_t m = strcspn(p, "|");
		if (m == n && !strncasecmp(p, w, n))
			return true;
		if (!p[m])
			return false;
		p += m + 1;
	}
}

static bool tok_alt(const struct ctx *c, size_t i, const char *alt)
{
	return word_alt(c->t + c->tok[i].s, c->tok[i].e - c->tok[i].s, alt);
}

/*
 * Wave 23 (batches 92 to 96): health told as a situation rather than a
 * condition, with a person in the sentence — "nu mijn moeder niet meer
 * zelfstandig kan eten", "omdat ik mijn bed niet uit kom", "Ik hoor
 * stemmen", "Mijn vrouw herkent onze kinderen niet meer", "naar het hospice
 * verhuisd", "een afspraak bij de gynaecoloog", "over twee weken ben ik
 * uitgerekend".  Patterns of words; "~" lets up to three words pass.
 */
static const char *const situations[][6] = {
	{"niet", "meer", "zelf|zelfstandig", NULL},
	{"bed", "niet", "meer", NULL},
	{"bed", "niet", "uit", "kom|kon|kan|kwam|komt|kunnen|krijg|krijgt|kreeg", NULL},
	{"bed", "niet", "uit", "van|door|vanwege", NULL},
	{"in", "het", "ziekenhuis", "gelegen|opgenomen|beland|terechtgekomen|lag|lig|ligt|lagen", NULL},
	{"door", "mijn|m'n|mn|zijn|z'n|haar|d'r", "enkel|knie|rug|enkels|knieën", "gegaan|gezakt|geschoten", NULL},
	{"niet", "meer", "uit", "~", "bed", NULL},
	{"hoor|hoort|hoorde|hoorden", "~", "stemmen", NULL},
	{"herkent|herkende|herkennen", "~", "niet", "meer", NULL},
	{"in|naar", "het", "hospice", NULL},
	{"in|naar", "de", "psychiatrie", NULL},
	{"met", "spoed", "~", "naar|opgenomen|geopereerd|gebracht|weggebracht|afgevoerd", NULL},
	{"met", "de", "ambulance|traumaheli|traumahelikopter|ziekenauto", NULL},
	{"toestand", "is|was", "stabiel|kritiek|ernstig|zorgelijk|stabieler|slechter|beter", NULL},
	{"na|sinds|door", "een|zijn|haar|mijn|mn|m'n|z'n|d'r|die|de", "val|valpartij", NULL},
	{"moeite", "~", "met", "ademhalen|ademen|slikken|lopen|praten|plassen|staan|zien|horen|onthouden", NULL},
	{"niets|niks", "meer", "voor", "haar|hem|mij|me|ons|hen", "kunnen|kan|konden|doen", NULL},
	{"in", "behandeling", "bij|voor", NULL},
	{"weet|wist", "niet", "meer", "wat|hoe|waar|wie|welke|welk", NULL},
	{"moet|moest|moeten", "~", "naar", "het", "ziekenhuis|umc|hospitaal", NULL},
	{"afspraak|afspraken|verwijzing|verwijsbrief|doorverwezen", "bij|naar|voor", "de", "@spec", NULL},
	{"ben|is|bent", "~", "uitgerekend", NULL},
	/* wave 26 (batch 112): "zit zelf midden in de overgang" */
	{"in", "de", "overgang", NULL},
	/* (batch 114): "na elke sessie bij de psycholoog", "sinds ik gestopt ben
	 * met drinken" */
	{"sessie|sessies|gesprek|gesprekken", "bij", "de|mijn|m'n|mn", "@spec", NULL},
	{"gestopt", "~", "drinken|blowen|gebruiken|gokken|drugs|alcohol|drank", NULL},
	/* (batch 115): "Maar ik kom nog steeds niet zelf in en uit bed", "Thuis na
	 * de nieuwe heup" */
	{"in", "en", "uit", "bed", NULL},
	{"nieuwe", "heup|knie|schouder|hartklep|nier|lever", NULL},
	{"moet|moest|moeten|ga|ging|gaat", "naar", "de", "@spec", NULL},
	/* wave 25 (batch 107): thoughts of ending one's life, self-harm — "als ik
	 * er niet meer was", "dat ie er niet meer wil zijn", "ik beschadig mezelf" */
	{"er", "niet", "meer", "wil|wilde|wou|zou|was|willen", NULL},
	{"niet", "meer", "wil|wilde|wou", "leven", NULL},
	{"beschadig|beschadigde|beschadigt|beschadigen|snijd|snijden", "~", "mezelf|mijzelf|zichzelf", NULL},
	{"einde", "aan", "mijn|zijn|haar|z'n|m'n|mn|d'r|het", "leven", NULL},
	/* "Sinds ik in De Ruyterstee ben opgenomen" (not "in het team") */
	{"ben|werd", "~", "opgenomen", NULL},
};

enum { NSIT = sizeof situations / sizeof situations[0] };
static bool sit_pair[26][26]; /* the first two letters of every first word */
/* every first word, in an open-addressed table by a hash of it: the
 * patterns it opens, as bits */
static struct {
	char w[16];
	size_t n;
	uint64_t pats;
} sit_words[128];

/* The slot of the n bytes at w, compared in ASCII lower case (the first
 * words are ASCII): its own or the empty one where it would go. */
static size_t sit_slot(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ ((unsigned char)w[i] | 0x20)) * 16777619u;
	size_t k = h & 127;
	while (sit_words[k].n && (sit_words[k].n != n || strncasecmp(sit_words[k].w, w, n)))
		k = (k + 1) & 127;
	return k;
}

/* the first letters of each pattern's first words, as masks made once
 * (most tokens start with none of them) */
static void sit_init(void)
{
	_Static_assert(NSIT <= 64, "a pattern per bit");
	for (size_t q = 0; q < NSIT; q++)
		for (const char *p = situations[q][0]; *p;) {
			size_t n = strcspn(p, "|");
			size_t k = sit_slot(p, n);
			memcpy(sit_words[k].w, p, n); /* (the words are short: 15 bytes at most) */
			sit_words[k].n = n;
			sit_words[k].pats |= (uint64_t)1 << q;
			sit_pair[p[0] - 'a'][p[1] - 'a'] = true;
			p += n + (p[n] == '|');
		}
}

static void scan_situations(struct ctx *c, size_t n0, unsigned char **cov)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, sit_init);
	/* the sentences person_near_as can say yes to, at once: a person word
	 * or a counted name in them (most sentences of general text have none) */
	bool *who = xmalloc(c->nsent + 1);
	memcpy(who, sentence_persons(c), c->nsent);
	for (size_t f = 0; f < n0; f++)
		if (c->out->v[f].type == SCAN_NAME && c->out->v[f].confidence >= SCAN_COUNT_CONF)
			who[sentence_of(c, c->out->v[f].start)] = true;
	/* and a sentence that opens with "hij", "zij" or "ze" after one with a
	 * person ("me opa is 89 geworden ... hij herkende me niet meer") */
	for (size_t t = 0; t < c->ntok; t++)
		if (c->tok[t].first && c->tok[t].sent > 0 && !who[c->tok[t].sent] && who[c->tok[t].sent - 1] &&
		    tok_alt(c, t, "hij|zij|ze"))
			who[c->tok[t].sent] = true;
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		/* (the writer's own body needs no other person: "meteen door mijn
		 * enkel gegaan") */
		if (k->e - k->s < 2 || k->e - k->s > 12 ||
		    (!who[k->sent] && !(k->e - k->s == 4 && (c->t[k->s] | 0x20) == 'd' && t + 1 < c->ntok &&
		                        tok_alt(c, t, "door") && tok_alt(c, t + 1, "mijn|mn|m'n"))))
			continue;
		unsigned ch = ((unsigned char)c->t[k->s] | 0x20) - 'a', ch2 = ((unsigned char)c->t[k->s + 1] | 0x20) - 'a';
		if (ch >= 26 || ch2 >= 26 || !sit_pair[ch][ch2])
			continue;
		uint64_t opens = sit_words[sit_slot(c->t + k->s, k->e - k->s)].pats;
		for (size_t q = 0; opens && q < NSIT; q++) {
			if (!(opens >> q & 1))
				continue;
			size_t s = c->tok[t].sent, j = t + 1, m = 1;
			while (situations[q][m] && j < c->ntok && c->tok[j].sent == s) {
				if (!strcmp(situations[q][m], "~")) {
					/* up to three words, then the next element */
					size_t g = 0;
					const char *nx = situations[q][m + 1];
					while (g < 3 && j + g < c->ntok && c->tok[j + g].sent == s) {
						if (tok_alt(c, j + g, nx))
							break;
						g++;
					}
					j += g;
					m++;
					continue;
				}
				if (!tok_alt(c, j, situations[q][m]))
					break;
				j++;
				m++;
			}
			if (situations[q][m])
				continue;
			/* the hospice someone is in or goes to: a family word or a
			 * verb of staying or moving just before ("onze moeder in het
			 * hospice", "is naar het hospice verhuisd"), not a guest's
			 * or a dog's visit */
			if (situations[q][1] && situations[q][2] && (word_alt("hospice", 7, situations[q][2]) || word_alt("psychiatrie", 11, situations[q][2]))) {
				static const char *const stay[] = {"ligt", "lag", "is", "was", "zit", "zat", "woont", "woonde",
					"verblijft", "gaat", "ging", "verhuisd", "verhuist", "opgenomen", "overgebracht",
					"gebracht", "overleden", "gestorven", "ingeslapen", NULL};
				bool stays = false;
				for (size_t b = t; b-- > 0 && b + 4 > t && c->tok[b].sent == s && !stays;)
					stays = (c->tok[b].flags & W_FAMILY) || tok_in(c, &c->tok[b], stay);
				for (size_t a = j; a < c->ntok && a < j + 3 && c->tok[a].sent == s && !stays;)
					stays = tok_in(c, &c->tok[a++], stay);
				if (!stays)
					continue;
			}
			/* "uitgerekend" of a due date, not "uitgerekend vandaag" (of
			 * all days): a date or the sentence's end after it */
			if (!strcmp(situations[q][0], "ben|is|bent") && j < c->ntok && c->tok[j].sent == s) {
				if (!tok_alt(c, j, "op|over|in|rond|eind|begin|half|medio"))
					continue;
			}
			if (!strcmp(situations[q][0], "ben|werd") && j + 1 < c->ntok && c->tok[j + 1].sent == s &&
			    tok_alt(c, j, "in|als|door|bij") &&
			    tok_alt(c, j + 1, "het|de|ons|onze|team|groep|familie|gezin|raad|bestuur|programma|lijst"))
				continue;
			add_uncovered(c, cov, n0, SCAN_HEALTH, t, c->tok[t].s, c->tok[j - 1].e, 0.6);
			break;
		}
	}
	free(who);
}

/* Body parts (scan_body_complaints, scan_staff_health) */
static const char *const body_words[] = {"rug", "knie", "knieën", "heup", "heupen", "nek", "schouder", "schouders",
	"hoofd", "buik", "maag", "darmen", "hart", "longen", "voeten", "voet", "benen", "been", "handen", "hand",
	"pols", "polsen", "enkel", "enkels", "ogen", "oog", "oren", "oor", "tanden", "kies", "blaas", "huid",
	"gewrichten", "spieren", "borst", "keel", "kaak", "elleboog", "vingers", "teen", "tenen", "onderrug",
	"bekken", "nieren", "lever", "gebit",
	/* wave 23 */ "achillespees", "kruisband", "sleutelbeen", "pees", "pezen", "stuitje", "litteken",
	/* wave 27 (batch 116: organs taken out) */ "blindedarm", "baarmoeder", "galblaas", "amandelen",
	"schildklier", "milt", "eierstokken", "eierstok", "prostaat", "nier", "rib", "ribben", "arm", "armen",
	"vinger", "duim", "neus", "lip", "wenkbrauw", "kin", "voorhoofd", NULL};

/* Wave 30: a body word with its side glued on ("rechterknie", "linkerheup"). */
static bool sided_body(const struct ctx *c, const struct tok *k, const char *const *body)
{
	size_t n = k->e - k->s;
	if (n < 9 || n > 22 || (memcmp(c->lt + k->s, "linker", 6) && memcmp(c->lt + k->s, "rechter", 7)))
		return false;
	size_t p = (c->t[k->s] | 0x20) == 'l' ? 6 : 7;
	char w[24];
	memcpy(w, c->lt + k->s + p, n - p);
	w[n - p] = '\0';
	return in_list(w, body);
}

/*
 * Wave 22 (from batches 84 to 86): a complaint of a body part with its
 * owner's possessive: "Ik heb elke dag last van mijn rug", "pijn in m'n
 * knie", "Mijn rug zit weer eens op slot", "zijn enkel is opgezwollen".
 * "mijn" is the writer; "zijn"/"haar" need a person in the sentence.  Not
 * the heart with pain ("pijn in mijn hart" is grief).
 */
static void scan_body_complaints(struct ctx *c, size_t n0)
{
	const char *const *body = body_words;
	static const char *const complaint[] = {"last", "pijn", "klachten", "problemen", "pijntjes", NULL};
	static const char *const prep[] = {"van", "aan", "in", "met", "op", NULL};
	static const char *const state_verbs[] = {"zit", "zat", "is", "was", "doet", "deed", "blijft", "bleef", NULL};
	static const char *const states[] = {"pijn", "dik", "opgezwollen", "gezwollen", "ontstoken", "gebroken",
		"gekneusd", "stijf", "geblesseerd", "verrekt", "ontwricht", "uit de kom", NULL};
	for (size_t t = 0; t + 1 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		size_t s = k->sent;
		/* (compared in place: the possessives are 2-4 ASCII bytes, and
		 * most tokens are never lowered for this) */
		size_t n = k->e - k->s;
		unsigned char ch = (unsigned char)c->t[k->s] | 0x20;
		if (n < 2 || n > 4 || (ch != 'm' && ch != 'z' && ch != 'h' && ch != 'd'))
			continue;
		char w[4] = {0};
		for (size_t b = 0; b < n; b++)
			w[b] = (char)((unsigned char)c->t[k->s + b] | (c->t[k->s + b] >= 'A' && c->t[k->s + b] <= 'Z' ? 0x20 : 0));
		bool own = (n == 2 && !memcmp(w, "mn", 2)) || (n == 3 && !memcmp(w, "m'n", 3)) ||
		           (n == 4 && !memcmp(w, "mijn", 4));
		bool other = !own && ((n == 3 && (!memcmp(w, "z'n", 3) || !memcmp(w, "d'r", 3))) ||
		                      (n == 4 && (!memcmp(w, "zijn", 4) || !memcmp(w, "haar", 4))));
		if (!own && !other)
			continue;
		/* wave 30: the side before it, as a word or glued ("mijn rechter
		 * knie", "mijn linkerheup is dik") */
		size_t b = t + 1;
		if (b + 1 < c->ntok && c->tok[b + 1].sent == s &&
		    tok_in(c, &c->tok[b], (const char *const[]){"linker", "rechter", "linkse", "rechtse", NULL}))
			b++;
		if (c->tok[b].sent != s || !(tok_in(c, &c->tok[b], body) || sided_body(c, &c->tok[b], body)))
			continue;
		size_t from = SIZE_MAX, to = c->tok[b].e;
		/* "last van mijn rug" */
		if (t >= 2 && c->tok[t - 2].sent == s && tok_in(c, &c->tok[t - 1], prep) &&
		    tok_in(c, &c->tok[t - 2], complaint) &&
		    !(tok_in(c, &c->tok[b], (const char *const[]){"hart", NULL}) &&
		      tok_in(c, &c->tok[t - 2], (const char *const[]){"pijn", NULL})))
			from = c->tok[t - 2].s;
		/* "mijn rug zit (weer eens) op slot", "mijn knie is (weer zo) dik" */
		if (from == SIZE_MAX && b + 1 < c->ntok && c->tok[b + 1].sent == s && tok_in(c, &c->tok[b + 1], state_verbs)) {
			for (size_t u = b + 2; u < c->ntok && u <= b + 5 && c->tok[u].sent == s && from == SIZE_MAX; u++) {
				if (tok_in(c, &c->tok[u], states) ||
				    (tok_in(c, &c->tok[u], (const char *const[]){"slot", NULL}) &&
				     tok_in(c, &c->tok[u - 1], (const char *const[]){"op", NULL}))) {
					from = k->s;
					to = c->tok[u].e;
				}
			}
		}
		/* wave 27 (batch 116): what was done to it, "mijn baarmoeder laten
		 * verwijderen", "is mijn blindedarm eruit gehaald", "zijn pols
		 * gebroken" */
		if (from == SIZE_MAX)
			for (size_t u = b + 1; u < c->ntok && u <= b + 5 && c->tok[u].sent == s && from == SIZE_MAX; u++)
				if (tok_in(c, &c->tok[u], (const char *const[]){"verwijderd", "verwijderen", "eruit", "weggehaald",
				                                                "geopereerd", "opereren", "gebroken", "gekneusd",
				                                                "gescheurd", "geamputeerd", "amputeren",
				                                                "ontstoken", "gehecht", "hechten", NULL})) {
					from = k->s;
					to = c->tok[u].e;
				}
		/* wave 27 (batch 116): a wound in it, "met een snee in mijn hand" */
		if (from == SIZE_MAX && t >= 2 && c->tok[t - 2].sent == s &&
		    tok_in(c, &c->tok[t - 1], (const char *const[]){"in", "aan", "op", NULL}) &&
		    tok_in(c, &c->tok[t - 2], (const char *const[]){"snee", "wond", "wondje", "breuk", "kneuzing", "blessure",
		                                                    "brandwond", "beet", "scheur", "ontsteking", "zweer",
		                                                    "bult", "gat", NULL}))
			from = c->tok[t - 2].s;
		if (from == SIZE_MAX || fed_up(c, t))
			continue;
		if (other && !person_near_as(c, n0, k->s, false))
			continue;
		/* (not where a counted health finding is already: "pijn" may be) */
		bool seen = false;
		for (size_t j = 0; j < c->out->n && !seen; j++) {
			const struct scan_finding *y = &c->out->v[j];
			seen = y->type == SCAN_HEALTH && y->confidence >= SCAN_COUNT_CONF && y->start < to && y->end > from;
		}
		if (!seen)
			add_finding(c, SCAN_HEALTH, from, to, 0.6);
	}
}

/*
 * Wave 21, round 4 (from batch 76): a first name followed by a surname that
 * ends like a building ("Bert Hulshof is zondag overleden", "Gerrit
 * Oldenhof", "Anna Nijhuis"): the suffix rules read the second word as a
 * care home or a firm and the person was not found at all.  A known first
 * name, capitalised, right before such a word that is no organisation word
 * itself, not after "de"/"het"/a place word, and no organisation word after
 * it: a name, added after the health model.
 */
static void scan_farm_surnames(struct ctx *c)
{
	static const char *const place[] = {"de", "het", "in", "op", "naar", "bij", "uit", "van", "zaal", "café",
		"erve", "boerderij", "hoeve", "locatie", "zorgcentrum", "verpleeghuis", "woonzorgcentrum", "the", NULL};
	size_t n0 = c->out->n;
	unsigned char *cov = NULL;
	for (size_t t = 0; t + 1 < c->ntok; t++) {
		const struct tok *f = &c->tok[t], *g = &c->tok[t + 1];
		if (!(f->flags & W_FIRST) || !f->cap || !g->cap || g->sent != f->sent || !only_space(c, f->e, g->s) ||
		    f->acronym || g->acronym || (f->flags & W_AMBIG) || (g->flags & (W_ORG | W_NONAME | W_PUBLIC)) ||
		    !org_suffix(c, g))
			continue;
		size_t n = g->e - g->s;
		/* only the suffixes surnames have ("-hof", "-huis"), not "-straat",
		 * "-zorg", "-centrum" */
		if (!ends_with_ascii(c->t + g->s, n, "hof", 3) && !ends_with_ascii(c->t + g->s, n, "huis", 4))
			continue;
		if (n > 12 || ends_with_ascii(c->t + g->s, n, "ziekenhuis", 10) || ends_with_ascii(c->t + g->s, n, "gasthuis", 8))
			continue;
		if (t > 0 && c->tok[t - 1].sent == f->sent &&
		    (tok_in(c, &c->tok[t - 1], place) || (c->tok[t - 1].flags & (W_TITLE | W_ROLE | W_PUBCTX)) ||
		     role_like(c, &c->tok[t - 1]) || work_word(c, &c->tok[t - 1])))
			continue; /* a place, or staff and speakers by their role ("dr. Bart Hulshof") */
		if (t + 2 < c->ntok && c->tok[t + 2].sent == f->sent && (orgish(c, t + 2) || (c->tok[t + 2].flags & W_ORG)))
			continue;
		if (c->pub && c->pub[f->sent])
			continue;
		/* only where the sentence speaks of health: a client's, the reason
		 * to find them ("... is zondag overleden") */
		bool health = false; /* (after the name: its subject's) */
		for (size_t j = 0; j < n0 && !health; j++)
			health = c->out->v[j].type == SCAN_HEALTH && c->out->v[j].confidence >= 0.3 && c->out->v[j].start > g->e &&
			         sentence_of(c, c->out->v[j].start) == f->sent;
		for (size_t u = t + 2; !health && u < c->ntok && c->tok[u].sent == f->sent; u++)
			health = (c->tok[u].flags & W_MED) != 0; /* (a full entry: "komt" heads one) */
		if (!health)
			continue;
		bool named = false;
		for (size_t j = 0; j < n0 && !named; j++)
			named = c->out->v[j].type == SCAN_NAME && c->out->v[j].start <= g->s && c->out->v[j].end >= f->e;
		if (!named)
			add_uncovered(c, &cov, n0, SCAN_NAME, t, f->s, g->e, 0.6);
	}
	free(cov);
}

/*
 * Wave 27 (batch 117): an organisation names its own people by their work —
 * "onze bezorger Bas", "Onze nieuwe POH-GGZ Ayoub Benali stelt zich voor",
 * "onze jongerenwerker Said": "onze" (or "ons"), "nieuwe" at most, a word
 * of a trade (a lower-case noun ending as trades do, -er, -ster, -eur,
 * -ist, -ent, -aar, -arts, -coach, or capitals with a hyphen), then the
 * name: staff (labelling rule 6), whatever the word lists know of the trade.
 */
static bool trade_word(const struct ctx *c, const struct tok *k)
{
	static const struct lit ends[] = {LIT("er"), LIT("ster"), LIT("eur"), LIT("ist"), LIT("ent"), LIT("aar"),
		LIT("arts"), LIT("coach"), LIT("kundige"), LIT("therapeut"), LIT("loog"), LIT("assistente")};
	size_t n = k->e - k->s;
	if (n < 5 || n > 40 || (k->flags & (W_FAMILY | W_TITLE | W_FIRST)))
		return false;
	/* those a care organisation serves end so too */
	if (tok_in(c, k, (const char *const[]){"deelnemer", "deelneemster", "bewoner", "bewoonster", "bezoeker",
	                                       "bezoekster", "huurder", "huurster", "gebruiker", "leerling", "zorgvrager",
	                                       "cliënt", "patiënt", "client", "patient", "partner",
	                                       "winnaar", "winnares", "kampioen", "jarige", "student", NULL}))
		return false;
	if (k->cap) /* "POH-GGZ", "GZ-psycholoog" */
		return memchr(c->t + k->s, '-', n) && c->t[k->s + 1] >= 'A' && c->t[k->s + 1] <= 'Z';
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (ends_with_ascii(c->t + k->s, n, ends[i].s, ends[i].n))
			return true;
	return false;
}

/* The text speaks of a meeting, a course or a talk (meeting_ctx, pubctx). */
static bool text_has_meeting(const struct ctx *c)
{
	return span_has(c, 0, c->len, meeting_ctx) || span_has(c, 0, c->len, pubctx) ||
	       span_has(c, 0, c->len, (const char *const[]){"themabijeenkomst", "themamiddag", "themaavond", "vlog",
	                                                    "informatieavond", "voorlichting", NULL});
}

static void demote_our_staff(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (!plain_name(c, x))
			continue;
		size_t i = tok_first_at(c, x->start);
		/* batch 118: a trade compound opening a sentence is the trade
		 * ("Schoolfotograaf komt donderdag"), no name */
		if (i < c->ntok && c->tok[i].first && c->tok[i].s == x->start && c->tok[i].e == x->end &&
		    !(c->tok[i].flags & (W_FIRST | W_SUR | W_AMBIG))) {
			size_t n = x->end - x->start;
			bool trade = false;
			for (const char *const *h = role_heads; *h && !trade; h++) {
				size_t m = strlen(*h);
				trade = n >= m + 3 && ends_with_ascii(c->t + x->start, n, *h, m);
			}
			trade = trade || (n >= 12 && ends_with_ascii(c->t + x->start, n, "fotograaf", 9));
			if (trade) {
				x->confidence = 0.3;
				continue;
			}
		}
		if (i < 1 || i >= c->ntok || c->tok[i].s != x->start || c->tok[i - 1].sent != c->tok[i].sent ||
		    !only_space(c, c->tok[i - 1].e, c->tok[i].s))
			continue;
		const struct tok *tw = &c->tok[i - 1];
		/* wave 28 (batch 120): "Opticien Kees Smit is vrijdag bij ons": a
		 * trade in "-icien" (opticien, audicien) opening the sentence */
		bool opening = tw->first && tw->cap && !(tw->flags & (W_FIRST | W_SUR | W_AMBIG)) &&
		               tw->e - tw->s >= 6 && ends_with_ascii(c->t + tw->s, tw->e - tw->s, "icien", 5);
		if (!opening && !trade_word(c, tw))
			continue;
		/* wave 28 (batch 120): the organisation's own voice in the sentence
		 * ("Nieuw bij onze praktijk: mondhygiënist Tessa de Bruin", "... is
		 * vrijdag bij ons") and no one's family: its staff */
		if (!has_private_circle(c) &&
		    sentence_has(c, c->tok[i].sent, (const char *const[]){"onze praktijk", "bij ons ", "bij ons,",
		                                                          "bij onze ", "ons team", "onze locatie",
		                                                          "onze afdeling", "onze apotheek", NULL})) {
			x->confidence = STAFF_CONF;
			continue;
		}
		if (i < 2)
			continue;
		size_t b = i - 2;
		if (tok_in(c, &c->tok[b], (const char *const[]){"nieuwe", "vaste", "eigen", NULL}) && b > 0)
			b--;
		if (c->tok[b].sent == c->tok[i].sent && tok_in(c, &c->tok[b], (const char *const[]){"onze", "ons", NULL}))
			x->confidence = STAFF_CONF;
		/* batch 118: the speaker of a meeting ("themabijeenkomst ... met
		 * seksuoloog Miranda Brink") */
		else if (c->tok[b].sent == c->tok[i].sent && tok_in(c, &c->tok[b], (const char *const[]){"met", "door", NULL}) &&
		         text_has_meeting(c))
			x->confidence = STAFF_CONF;
	}
}

/*
 * Wave 27 (batch 118): an organisation's own lines, as it writes them —
 * - a mailbox named by a plain word at the body's own domain
 *   ("gezinshuizen@kompasjeugd.nl", "maatjes@welzijnijmond.nl"): a word the
 *   lexicon knows, no first name or surname, no dot, digit or '_', at a
 *   domain no one has a private address at;
 * - a team that introduces itself ("Het wijkteam Noord stelt zich voor:
 *   Fatiha El Idrissi (jeugd en gezin), ...", "Je vindt ons in De Schakel,
 *   Bernhardplein 12"): its people and its address;
 * - whoever leads or goes along ("Begeleiding: Sandra en Youssef",
 *   "Begeleiders: ...") and the number for a trip ("Noodnummer tijdens de
 *   reis: 06 - ...").
 * Only in a post with no private person in it (has_private_circle) and
 * nothing counted but names and contact lines.
 */
static bool word_mailbox(const struct ctx *c, const struct scan_finding *x)
{
	const char *at = memchr(c->t + x->start, '@', x->end - x->start);
	if (!at || personal_mail(c, x))
		return false;
	size_t n = (size_t)(at - (c->t + x->start));
	const char *w = c->t + x->start;
	if (n < 4 || n > 30)
		return false;
	/* (the plural too: "maatjes", "gezinshuizen") */
	/* (and a compound with the linking s: "gezins" + "huizen") */
	for (size_t k = 4; k + 4 < n; k++)
		if (w[k] == 's' && (lookup(w, k) & W_LEX) && !(lookup(w, k) & (W_FIRST | W_SUR)) &&
		    lex_mailbox(w + k + 1, n - k - 1))
			return true;
	return lex_mailbox(w, n) || (n > 5 && w[n - 1] == 's' && lex_mailbox(w, n - 1)) ||
	       (n > 6 && w[n - 1] == 'n' && w[n - 2] == 'e' && lex_mailbox(w, n - 2)) ||
	       (n > 7 && !strncmp(w + n - 3, "jes", 3) && lex_mailbox(w, n - 1));
}

static void demote_org_own_lines(struct ctx *c)
{
	/* whoever leads: "Begeleiding: ...", "Moderatie: Wim en Latifa" */
	static const char *const leads[] = {"begeleiding", "begeleiders", "leiding", "begeleider", "leiders",
		"moderatie", "moderators", "moderatoren", "gespreksleiding", "gespreksleiders", NULL};
	struct scan_result *r = c->out;
	bool names = false, phones = false, any = false;
	for (size_t f = 0; f < r->n && !any; f++)
		any = r->v[f].confidence >= SCAN_COUNT_CONF;
	if (!any || !only_contact_kinds(c, false, &names, &phones) || has_private_circle(c))
		return;
	bool intro = false, ons = false;
	for (size_t t = 0; t + 2 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		/* "stelt zich voor", "stellen zich voor" */
		if (tok_in(c, k, (const char *const[]){"stelt", "stellen", NULL}) && c->tok[t + 1].sent == k->sent &&
		    tok_in(c, &c->tok[t + 1], (const char *const[]){"zich", NULL}) && c->tok[t + 2].sent == k->sent &&
		    tok_in(c, &c->tok[t + 2], (const char *const[]){"voor", NULL}))
			intro = true;
		/* "Je vindt ons", "U vindt ons" */
		if (tok_in(c, k, (const char *const[]){"vindt", "vind", NULL}) && c->tok[t + 1].sent == k->sent &&
		    tok_in(c, &c->tok[t + 1], (const char *const[]){"ons", NULL}))
			ons = true;
	}
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t i = tok_first_at(c, x->start);
		if (x->type == SCAN_EMAIL && word_mailbox(c, x)) {
			x->confidence = 0.4;
		} else if (x->type == SCAN_NAME && intro && c->t[x->start] != '@') {
			x->confidence = STAFF_CONF;
		} else if (x->type == SCAN_ADDRESS && ons) {
			x->confidence = 0.4;
		} else if (x->type == SCAN_NAME && i < c->ntok) {
			/* "Begeleiding: Sandra en Youssef": the label, a colon, names
			 * with "en" or commas between */
			size_t b = i;
			while (b > 0 && c->tok[b - 1].sent == c->tok[i].sent && b + 8 > i &&
			       (c->tok[b - 1].cap || tok_in(c, &c->tok[b - 1], (const char *const[]){"en", NULL})) &&
			       !tok_in(c, &c->tok[b - 1], leads))
				b--;
			if (b > 0 && c->tok[b - 1].sent == c->tok[i].sent && c->tok[b - 1].e < c->len &&
			    c->t[c->tok[b - 1].e] == ':' && tok_in(c, &c->tok[b - 1], leads))
				x->confidence = STAFF_CONF;
			/* batch 119: "– Els, moderatie kring": the role after the name
			 * and a comma */
			size_t ne = x->end;
			while (ne < c->len && c->t[ne] == ' ')
				ne++;
			if (ne < c->len && c->t[ne] == ',') {
				char rw[16];
				if (word_after(c, ne + 1, rw, sizeof rw, NULL) &&
				    in_list(rw, (const char *const[]){"moderatie", "moderator", "moderatoren", NULL}))
					x->confidence = STAFF_CONF;
			}
		} else if (x->type == SCAN_PHONE && i > 0) {
			/* (i may be c->ntok: no word after the number) */
			size_t sn = sentence_of(c, x->start);
			for (size_t b = i; b-- > 0 && b + 6 >= i && c->tok[b].sent == sn;)
				if (tok_in(c, &c->tok[b], (const char *const[]){"noodnummer", "reisnummer", "piketnummer", NULL})) {
					x->confidence = 0.4;
					break;
				}
		}
	}
}

/*
 * Wave 27 (batch 118): "Paralympisch zwemster Naomi Koster, geboren zonder
 * onderbenen, komt op 4 februari ...": "geboren" with how (zonder, met) and
 * a comma before the date tells no birth date.
 */
static void demote_born_how(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_DATE_OF_BIRTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t i = tok_first_at(c, x->start), sn = sentence_of(c, x->start);
		for (size_t b = i; b-- > 0 && b + 10 >= i && c->tok[b].sent == sn;) {
			if (!tok_in(c, &c->tok[b], (const char *const[]){"geboren", NULL}))
				continue;
			bool how = b + 1 < c->ntok && tok_in(c, &c->tok[b + 1], (const char *const[]){"zonder", "met", NULL});
			bool comma = memchr(c->t + c->tok[b].e, ',', x->start - c->tok[b].e) != NULL;
			if (how && comma)
				x->confidence = 0.4;
			break;
		}
	}
}

/*
 * Wave 27 (batch 117): "het is nu 2 weken", "dat is al 3 maanden": how long
 * something has lasted, said of "het" or "dat", is no one's age.
 */
static void demote_it_lasted(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_DATE_OF_BIRTH || x->confidence < SCAN_COUNT_CONF || !digit_at(c, x->start))
			continue;
		char w[8];
		size_t ws = x->start;
		size_t n = word_before(c, ws, w, sizeof w, &ws);
		for (int hop = 0; n && hop < 2 && in_list(w, (const char *const[]){"nu", "al", "pas", "bijna", "ruim", NULL});
		     hop++)
			n = word_before(c, ws, w, sizeof w, &ws);
		if (!n || (strcmp(w, "is") && strcmp(w, "was") && strcmp(w, "duurt") && strcmp(w, "duurde")))
			continue;
		if (word_before(c, ws, w, sizeof w, NULL) && (!strcmp(w, "het") || !strcmp(w, "dat") || !strcmp(w, "dit")))
			x->confidence = 0.4;
	}
}

/*
 * Wave 27 (batch 116): what a transfer is to say ("o.v.v. 'Familiekamer'",
 * "onder vermelding van Kerstpakket") is a reference, not a person.
 */
static void demote_payment_reference(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t p = x->start;
		while (p > 0 && (c->t[p - 1] == ' ' || c->t[p - 1] == '\'' || c->t[p - 1] == '"'))
			p--;
		if ((p >= 5 && !memcmp(c->lt + p - 5, "o.v.v", 5)) || (p >= 6 && !memcmp(c->lt + p - 6, "o.v.v.", 6)) ||
		    (p >= 14 && !memcmp(c->lt + p - 14, "vermelding van", 14)))
			x->confidence = 0.3;
	}
	/* wave 29 (batch 122): the account a bill is paid to ("Uw factuur van
	 * Fysio Noord (factuurnummer ...) kunt u betalen op NL04INGB...") in a
	 * post with nothing else counted and no one's family: the sender's */
	int bill = -1;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_IBAN || x->confidence < SCAN_COUNT_CONF)
			continue;
		if (bill < 0) {
			bill = span_has(c, 0, c->len, (const char *const[]){"uw factuur", "factuurnummer", "de factuur",
			                                                    "factuur nr", "factuurnr", NULL}) &&
			       !has_private_circle(c);
			for (size_t g = 0; g < r->n && bill; g++)
				bill = r->v[g].type == SCAN_IBAN || r->v[g].confidence < SCAN_COUNT_CONF;
		}
		if (bill)
			x->confidence = 0.4;
	}
}

/*
 * Wave 27 (batch 116): a public building's address — "opent vrijdag de
 * nieuwe ambulancepost aan de Ringweg 140", "het dialysecentrum op de
 * Nieuwe Kade 40" — in a post with no private person in it: a word for the
 * building (a post, a centre, a practice) right before "aan de", "op de"
 * or "aan" and the address.  And a department's number ("Wilt u de
 * afdeling Patiëntregistratie bellen op 0317 - 43 50 00?").
 */
static bool building_word(const struct ctx *c, const struct tok *k)
{
	static const struct lit ends[] = {LIT("post"), LIT("centrum"), LIT("gebouw"), LIT("locatie"), LIT("kantoor"),
		LIT("vestiging"), LIT("kliniek"), LIT("praktijk"), LIT("apotheek"), LIT("school"), LIT("ziekenhuis"),
		LIT("hospice"), LIT("huis"), LIT("loket"), LIT("balie"), LIT("poli"), LIT("polikliniek")};
	size_t n = k->e - k->s;
	if (n < 4 || n > 40 || (k->flags & (W_FIRST | W_SUR | W_FAMILY | W_TITLE)))
		return false;
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
		if (ends_with_ascii(c->t + k->s, n, ends[i].s, ends[i].n))
			return true;
	return false;
}

/*
 * Wave 28 (batch 120): an organisation's season's greeting signed by its
 * people — "... gesloten. Bij spoed belt u de tandartsenpost. Fijne
 * feestdagen van Anouk, Fatih en dr. Van Kampen." — in a text with no one's
 * family or "ik" in it: the names after the wish are its staff.
 */
static void demote_season_greetings(struct ctx *c)
{
	static const char *const wish[] = {"feestdagen van", "feestdagen gewenst door", "kerstdagen van",
		"kerstdagen gewenst door", "kerst van", "jaarwisseling van", "zomer van", "vakantie van", NULL};
	for (size_t f = 0; f < c->out->n; f++) {
		struct scan_finding *x = &c->out->v[f];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t s = sentence_of(c, x->start);
		size_t from = x->start > 80 ? x->start - 80 : 0;
		if (from < c->sent_at[s])
			from = c->sent_at[s];
		/* (the wish first: the person tests read the whole text) */
		if (window_has(c, from, x->start, wish) && !has_private_circle(c) && !writer_speaks(c))
			x->confidence = STAFF_CONF;
	}
}

/*
 * Wave 28 (batch 120): an evening's date is no birth date — "Donderdag 22
 * januari, 20.00 uur, in de aula" after a talk about "te vroeg geboren
 * kinderen": a day and month without a year, a weekday just before it and a
 * clock time just after.  Not when "geboren" or "bevallen" leads into it
 * ("geboren op donderdag 22 januari om 20.04 uur").  At the end of the
 * chain: the models' rows are as they were.
 */
static void demote_event_dates(struct ctx *c)
{
	for (size_t f = 0; f < c->out->n; f++) {
		struct scan_finding *x = &c->out->v[f];
		if (x->type != SCAN_DATE_OF_BIRTH || x->confidence < SCAN_COUNT_CONF || !digit_at(c, x->start) ||
		    x->end - x->start > 16)
			continue;
		/* no year: the date ends in a month's name */
		if (digit_at(c, x->end - 1))
			continue;
		/* (the day's number may be no token of its own: the word before the date) */
		size_t i = tok_first_at(c, x->start);
		if (i == 0 || i > c->ntok || !tok_in(c, &c->tok[i - 1], weekdays) ||
		    !only_space(c, c->tok[i - 1].e, x->start))
			continue;
		/* a clock time within a few bytes after: ", 20.00 uur", " om 19:30" */
		size_t p = x->end, q;
		while (p < c->len && p - x->end < 5 && (c->t[p] == ',' || c->t[p] == ' ' || c->t[p] == 'o' || c->t[p] == 'm'))
			p++;
		for (q = p; q < c->len && q - p < 2 && digit_at(c, q); q++)
			;
		if (q == p || q + 2 >= c->len || (c->t[q] != '.' && c->t[q] != ':') || !digit_at(c, q + 1) ||
		    !digit_at(c, q + 2))
			continue;
		/* (in its own sentence: "... geboren kinderen. Donderdag 22 januari") */
		size_t from = c->tok[i - 1].s > 24 ? c->tok[i - 1].s - 24 : 0;
		if (from < c->sent_at[c->tok[i - 1].sent])
			from = c->sent_at[c->tok[i - 1].sent];
		if (window_has(c, from, c->tok[i - 1].s, (const char *const[]){"geboren", "bevallen", NULL}))
			continue;
		/* (nor a birth's hour and weight: "Geboren!! Yara op zo 8 nov om
		 * 06.14, 3260 gram", round 21) */
		if (memmem(c->lt + q, c->len - q < 24 ? c->len - q : 24, "gram", 4))
			continue;
		x->confidence = 0.3;
	}
}

static void demote_building_lines(struct ctx *c)
{
	struct scan_result *r = c->out;
	bool any = false;
	for (size_t f = 0; f < r->n; f++) {
		const struct scan_finding *x = &r->v[f];
		if (x->confidence < SCAN_COUNT_CONF)
			continue;
		if (x->type == SCAN_ADDRESS || x->type == SCAN_PHONE)
			any = true;
		else
			return; /* anything else counted: the post is about someone */
	}
	if (!any || has_private_circle(c))
		return;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i >= c->ntok || i < 2)
			continue;
		bool org = false;
		if (x->type == SCAN_ADDRESS) {
			size_t b = i - 1;
			if (b > 0 && tok_in(c, &c->tok[b], (const char *const[]){"de", "het", NULL}))
				b--;
			org = b > 0 && c->tok[b].sent == c->tok[i].sent &&
			      tok_in(c, &c->tok[b], (const char *const[]){"aan", "op", "in", NULL}) &&
			      c->tok[b - 1].sent == c->tok[i].sent && building_word(c, &c->tok[b - 1]);
			/* batch 118: "loop binnen bij het CJG, Zijlweg 205": the body
			 * (capitals, or a building's word) and a comma before the address */
			const struct tok *o = &c->tok[i - 1];
			size_t p = x->start;
			while (p > o->e && c->t[p - 1] == ' ')
				p--;
			if (!org && p == o->e + 1 && c->t[o->e] == ',' && o->sent == c->tok[i].sent &&
			    ((o->acronym && o->e - o->s >= 3) || building_word(c, o)) && i >= 3 &&
			    tok_in(c, &c->tok[i - 2], (const char *const[]){"het", "de", NULL}) &&
			    tok_in(c, &c->tok[i - 3], (const char *const[]){"bij", "naar", "in", NULL}))
				org = true;
		} else {
			/* "de afdeling X bellen op", "de balie bellen" */
			for (size_t b = i; !org && b-- > 0 && b + 8 >= i && c->tok[b].sent == c->tok[i].sent;)
				org = tok_in(c, &c->tok[b], (const char *const[]){"afdeling", "balie", "receptie", "secretariaat",
				                                                  "polikliniek", "poli", "servicedesk", "helpdesk",
				                                                  NULL}) &&
				      b > 0 && tok_in(c, &c->tok[b - 1], (const char *const[]){"de", "onze", "ons", NULL});
		}
		if (org)
			x->confidence = 0.4;
	}
}

/*
 * Wave 27 (batch 117): a home, a hospital or a school named after a person
 * ("De kerstmarkt van woonzorgcentrum Hendrik van Boeijen", "basisschool
 * Jan Ligthart"): a name of two words or more right after the kind of
 * institution is the institution's (labelling rule 1), at any weight.
 */
static void demote_institution_names(struct ctx *c)
{
	static const struct lit heads[] = {LIT("zorgcentrum"), LIT("verpleeghuis"), LIT("verzorgingshuis"),
		LIT("ziekenhuis"), LIT("hospice"), LIT("school"), LIT("kliniek"), LIT("locatie"), LIT("zorglocatie"),
		LIT("revalidatiecentrum"), LIT("gezondheidscentrum"), LIT("wijkcentrum"), LIT("buurthuis"), LIT("dorpshuis"),
		LIT("kindcentrum"), LIT("woonzorgcentrum"), LIT("zorgboerderij"), LIT("woonvorm"), LIT("gasthuis")};
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || !memchr(c->t + x->start, ' ', x->end - x->start))
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i == 0 || i >= c->ntok || c->tok[i].s != x->start || c->tok[i - 1].sent != c->tok[i].sent ||
		    !only_space(c, c->tok[i - 1].e, c->tok[i].s) || (c->tok[i].flags & W_TITLE))
			continue;
		const struct tok *h = &c->tok[i - 1];
		size_t hn = h->e - h->s;
		bool inst = false;
		for (size_t k = 0; k < sizeof heads / sizeof heads[0] && !inst; k++)
			inst = hn >= heads[k].n && hn < 40 && ends_with_ascii(c->t + h->s, hn, heads[k].s, heads[k].n);
		if (inst)
			x->confidence = 0.3;
	}
	/* batch 118: the kind joined to the name's end ("de Annie M.G.
	 * Schmidtschool", "het Jeroen Boschziekenhuis"): the name and the
	 * capitals before it in the same run */
	static const struct lit joined_heads[] = {LIT("school"), LIT("college"), LIT("lyceum"), LIT("ziekenhuis"),
		LIT("kliniek"), LIT("gasthuis"), LIT("hospice")};
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (!plain_name(c, x))
			continue;
		size_t i = tok_first_at(c, x->start);
		for (size_t u = i; u < c->ntok && u <= i + 5 && c->tok[u].sent == c->tok[i].sent && c->tok[u].cap; u++) {
			const struct tok *k = &c->tok[u];
			size_t kn = k->e - k->s;
			bool end = false;
			for (size_t q = 0; q < sizeof joined_heads / sizeof joined_heads[0] && !end; q++)
				end = kn >= joined_heads[q].n + 3 && kn < 40 &&
				      ends_with_ascii(c->t + k->s, kn, joined_heads[q].s, joined_heads[q].n);
			if (end) {
				x->confidence = 0.3;
				break;
			}
		}
	}
}

/*
 * Wave 27 (batch 117): "Bel of app gratis 0800 - 023 45 67 of mail
 * jong@mantelzorgoost.nl": an e-mail address in the sentence of an
 * organisation's number (one the rules weighed as an organisation's, below
 * the count) is the organisation's too, in a post that names no one.
 */
static void demote_org_mail(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++)
		if (r->v[f].type == SCAN_NAME && r->v[f].confidence >= SCAN_COUNT_CONF)
			return;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_EMAIL || x->confidence < SCAN_COUNT_CONF || has_private_circle(c))
			continue;
		size_t s = sentence_of(c, x->start);
		for (size_t g = 0; g < r->n; g++) {
			const struct scan_finding *y = &r->v[g];
			if (y->type == SCAN_PHONE && y->confidence < SCAN_COUNT_CONF && y->confidence >= 0.3 &&
			    sentence_of(c, y->start) == s) {
				x->confidence = 0.4;
				break;
			}
		}
	}
}

/*
 * Wave 20 (from batches 65 to 67): a ward or building named after a person
 * ("de Johannes Vermeerafdeling", "Dr. Aletta Jacobszaal") is a place, and a
 * single capitalised word right after the kind of organisation or venue it
 * names ("Zorgorganisatie Philadelphia", "harmonie Sint-Cecilia", "het
 * dorpshuis De Kolk") is that organisation's name (labelling rule 1), not a
 * person.  ("buurthuis 't Kempke" is not read: the tokenizer makes "'t" the
 * token "t", which this rule does not skip.)
 */
static void demote_venue_names(struct ctx *c)
{
	static const char *const places[] = {"afdeling", "paviljoen", "vleugel", "zaal", "gebouw", "kliniek", NULL};
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (!plain_name(c, x))
			continue;
		bool place = false;
		for (const char *const *w = places; *w && !place; w++) {
			size_t m = strlen(*w);
			place = x->end - x->start > m + 3 && !strncasecmp(c->t + x->end - m, *w, m) &&
			        c->t[x->end - m - 1] != ' ';
		}
		/* "De MS Vereniging", "het Oranje Fonds": an organisation's head word
		 * last; "de vermiste meneer uit Winschoten": a title and a place, no
		 * name */
		if (!place) {
			size_t l = x->end;
			while (l > x->start && c->t[l - 1] != ' ')
				l--;
			if (l > x->start) {
				size_t lt = tok_first_at(c, l);
				place = lt < c->ntok && tok_in(c, &c->tok[lt], (const char *const[]){"vereniging", "stichting", "fonds",
				                                                                  "bond", "centrum", "coöperatie",
				                                                                  "federatie", "platform", NULL});
				size_t ft = tok_first_at(c, x->start);
				place = place || (ft + 2 < c->ntok && (c->tok[ft].flags & W_TITLE) && c->tok[ft + 2].s < x->end &&
				                  tok_in(c, &c->tok[ft + 1], (const char *const[]){"uit", NULL}));
			}
		}
		/* wave 23 (batch 99): a saint names a home, a hospital or a church
		 * ("Huize Sint Anna", "het St. Jansdal"), and a single word that is
		 * a kind of body ("t.n.v. Personeelsvereniging De Wending") is
		 * that body */
		if (!place && x->confidence < 0.9) {
			size_t i = tok_first_at(c, x->start);
			place = i < c->ntok &&
			        ((tok_alt(c, i, "sint|st") && c->tok[i].cap && c->tok[i].e < x->end) ||
			         (i > 0 && c->tok[i - 1].sent == c->tok[i].sent && c->tok[i - 1].cap &&
			          tok_alt(c, i - 1, "sint|st") && x->start - c->tok[i - 1].e <= 2) ||
			         (c->tok[i].e == x->end && !(c->tok[i].flags & (W_FIRST | W_SUR | W_TITLE | W_FAMILY)) &&
			          venue_kind(c, &c->tok[i])));
		}
		/* wave 23 (batch 97): French at school ("die eerste 2 uur Frans",
		 * "toets Frans", "Frans en Duits") is a subject */
		if (!place && x->end - x->start == 5 && !strncmp(c->t + x->start, "Frans", 5)) {
			size_t i = tok_first_at(c, x->start);
			place = (i > 0 && c->tok[i - 1].sent == c->tok[i].sent &&
			         tok_alt(c, i - 1, "uur|les|lessen|toets|toetsen|proefwerk|so|vak|cijfer|examen|bijles|"
			                          "huiswerk|docent|docente|leraar|lerares|sectie|mondeling")) ||
			        (i + 2 < c->ntok && c->tok[i + 2].sent == c->tok[i].sent && tok_alt(c, i + 1, "en|of") &&
			         tok_alt(c, i + 2, "duits|engels|spaans|nederlands|wiskunde|aardrijkskunde|geschiedenis"));
		}
		/* wave 23 (batch 92): a storm is named like a person ("Storm Bert
		 * heeft het hek omgeblazen", "door storm Ciarán") */
		if (!place) {
			size_t i = tok_first_at(c, x->start);
			place = i < c->ntok && ((i + 1 < c->ntok && c->tok[i].e < x->end && tok_alt(c, i, "storm|orkaan")) ||
			                        (i > 0 && c->tok[i - 1].sent == c->tok[i].sent && tok_alt(c, i - 1, "storm|orkaan") &&
			                         only_space(c, c->tok[i - 1].e, c->tok[i].s)));
		}
		/* wave 22: "Loonbedrijf Hofman" read as one name: the kind is its first word */
		if (!place && x->confidence < 0.9 && memchr(c->t + x->start, ' ', x->end - x->start)) {
			size_t i = tok_first_at(c, x->start);
			place = i < c->ntok && !(c->tok[i].flags & (W_FIRST | W_TITLE | W_FAMILY)) && venue_kind(c, &c->tok[i]);
		}
		if (!place && x->confidence < 0.9 && !memchr(c->t + x->start, ' ', x->end - x->start)) {
			size_t i = tok_first_at(c, x->start);
			if (i < c->ntok && i > 0 && c->tok[i - 1].sent == c->tok[i].sent) {
				size_t b = i - 1;
				if (b > 0 && c->tok[b - 1].sent == c->tok[i].sent &&
				    tok_in(c, &c->tok[b], (const char *const[]){"de", "het", NULL}))
					b--;
				place = venue_kind(c, &c->tok[b]) && only_space(c, c->tok[b].e, c->tok[b + 1].s);
				/* wave 23 (batch 96): a home or a ward named "De" and a first
				 * name, within a sentence ("op De Kim", "de huiskamer van De
				 * Kim"): a capital "De" before a single first name is a name
				 * of a place, a person's "de" is lower case ("Bep de Kim")
				 * and a surname follows it */
				place = place || (i > 0 && c->tok[i - 1].sent == c->tok[i].sent && !c->tok[i - 1].first &&
				                  c->tok[i - 1].e - c->tok[i - 1].s == 2 && !strncmp(c->t + c->tok[i - 1].s, "De", 2) &&
				                  only_space(c, c->tok[i - 1].e, c->tok[i].s) && (c->tok[i].flags & W_FIRST) &&
				                  !(c->tok[i].flags & W_SUR) &&
				                  (i < 2 || c->tok[i - 2].sent != c->tok[i].sent ||
				                   !(c->tok[i - 2].flags & (W_TITLE | W_FIRST | W_FAMILY))));
			}
		}
		if (place)
			x->confidence = 0.3;
	}
}

/*
 * Wave 22 (from batch 83): a name that is a town, a region or a city district
 * ("Hengelo, Delden, Goor: ...", "De Wmo-consulent van Oldambt", "het Friese
 * dorp Feanwâlden"): the tagger reads any capitalised word no list knows as
 * a person.  Every capitalised word of the finding a place of
 * src/scan/lists/places.txt, no title or family word before it, and, when a
 * word of it is also a listed first name or surname ("Hoogeveen", "Mol",
 * "Houten"), a word before it that says place ("in", "uit", "bij", "dorp")
 * or another place beside it in a list: a hint.  The rules' sure names
 * (0.9: "mevrouw Delden") stay.
 */
/* A name finding the rules may still demote: counted, below a sure 0.9, no
 * @handle or #hashtag. */
static bool weak_name(const struct ctx *c, const struct scan_finding *x)
{
	return plain_name(c, x) && x->confidence < 0.9;
}

/* Is every capitalised token of finding x such that is(c, token)?  *first
 * is its first token, *last its last capitalised one, *ncap how many there
 * are (false when none). */
static bool caps_all(const struct ctx *c, const struct scan_finding *x, bool (*is)(const struct ctx *, size_t),
                     size_t *first, size_t *last, size_t *ncap)
{
	size_t i = tok_first_at(c, x->start);
	*first = *last = i;
	*ncap = 0;
	for (size_t u = i; u < c->ntok && c->tok[u].e <= x->end; u++) {
		if (!c->tok[u].cap)
			continue;
		if (!is(c, u))
			return false;
		*last = u;
		(*ncap)++;
	}
	return *ncap > 0;
}

static bool place_tok(const struct ctx *c, size_t i)
{
	return i < c->ntok && c->tok[i].cap && place_word(c->t + c->tok[i].s, c->tok[i].e - c->tok[i].s);
}

/*
 * Round 23 (batch 145): a thing named after someone, written with a hyphen
 * ("de Jeroen Bosch-route", "de Florence Nightingale-zaal", "het Visser-
 * fonds"): the name ends in the thing's word; none of the 19 such in the
 * labelled texts is a name.
 */
static void demote_hyphen_things(struct ctx *c)
{
	static const char *const things[] = {"route", "huis", "prijs", "plein", "school", "zaal", "fonds", "wandeling",
		"tocht", "dag", "lezing", "methode", "model", "regeling", "centrum", "kliniek", "paviljoen", "gebouw",
		"pad", "park", "brug", "toren", "museum", "stichting", "leerstoel", "bokaal", "beker", "trofee",
		"penning", "medaille", "ziekenhuis", "hofje", "kapel", "kerk", "laan", "straat", "weg", "zorg", NULL};
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (!plain_name(c, x))
			continue;
		const char *h = memrchr(c->t + x->start, '-', x->end - x->start);
		if (!h || h == c->t + x->start || h[1] < 'a' || h[1] > 'z')
			continue;
		size_t from = (size_t)(h + 1 - c->t), m = x->end - from;
		for (const char *const *w = things; *w; w++)
			if (strlen(*w) == m && !memcmp(c->lt + from, *w, m)) {
				x->confidence = 0.3;
				break;
			}
	}
}

/*
 * Round 21 (batch 143): a name read on through one preposition into a place
 * ("bij beppe in Dokkum", "bij Judith in Veenendaal", "Ik ben Gijs uit
 * Stadskanaal"): the place is where, not a surname.  None of the 21
 * labelled title-and-preposition runs is a name; "mevrouw In 't Veld" has
 * two prefixes and stays.  The name ends before the preposition; with only
 * a title or a family word left it is a hint.  After the models (their
 * training reads the findings as they were).
 */
static void trim_name_places(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (!plain_name(c, x))
			continue;
		size_t i = tok_first_at(c, x->start), last = i;
		for (size_t u = i; u < c->ntok && c->tok[u].e <= x->end; u++)
			last = u;
		if (last < i + 2 || c->tok[last].e != x->end || !c->tok[last].cap || c->tok[last - 1].cap ||
		    !tok_in(c, &c->tok[last - 1], (const char *const[]){"in", "op", "uit", "tot", NULL}) ||
		    ((c->tok[last].flags & W_SUR) &&
		     !place_word(c->t + c->tok[last].s, c->tok[last].e - c->tok[last].s)))
			continue;
		bool who = false;
		for (size_t u = i; u + 1 < last && !who; u++)
			who = c->tok[u].cap && !(c->tok[u].flags & (W_TITLE | W_FAMILY));
		if (who)
			x->end = c->tok[last - 2].e;
		else
			x->confidence = 0.3;
	}
}

static void demote_places(struct ctx *c)
{
	static const char *const where[] = {"in", "uit", "te", "naar", "bij", "nabij", "rond", "richting", "omgeving",
		"regio", "gemeente", "dorp", "stad", "provincie", "buurt", "wijk", "van", "from", "to", "near", NULL};
	if (!place_tab.v)
		return;
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		size_t i, last, ncap;
		if (!weak_name(c, x) || !caps_all(c, x, place_tok, &i, &last, &ncap) || !c->tok[i].cap)
			continue; /* (a place's first word is capitalised: not "mevrouw ramdin") */
		bool named = false;
		for (size_t u = i; u <= last; u++)
			named = named || (c->tok[u].cap && (c->tok[u].flags & (W_FIRST | W_SUR | W_AMBIG)));
		const struct tok *k = &c->tok[i];
		bool before = i > 0 && c->tok[i - 1].sent == k->sent;
		if (before && (c->tok[i - 1].flags & (W_TITLE | W_FAMILY | W_POSS | W_FIRST)))
			continue; /* "oma Delden", "Jan Delden" */
		if (before && i >= 2 && (c->tok[i - 1].flags & W_PREFIX) && c->tok[i - 2].sent == k->sent &&
		    (c->tok[i - 2].flags & (W_TITLE | W_FAMILY | W_FIRST)))
			continue; /* "mevrouw van Delden" */
		if (named) {
			/* a place by the word before it, or in a list of places */
			bool said = before && tok_in(c, &c->tok[i - 1], where);
			said = said || (i >= 2 && place_tok(c, i - 2) && c->t[c->tok[i - 2].e] == ',');
			said = said || (last + 2 < c->ntok && place_tok(c, last + 2) && c->tok[last + 2].sent == k->sent &&
			                (c->t[c->tok[last].e] == ',' || tok_in(c, &c->tok[last + 1],
			                                                      (const char *const[]){"en", "of", NULL})));
			if (!said)
				continue;
		}
		x->confidence = 0.3;
	}
}

/*
 * Wave 22 (from batch 91): greetings, blessings and feasts in the languages
 * of families in the Netherlands ("Wesołych Świąt!", "Hayırlı Ramazanlar!",
 * "Kurban Bayramınız kutlu olsun", "Selamat Idul Fitri", "Maşallah",
 * "Dziękuję aan iedereen"): the tagger reads a capitalised word with
 * letters Dutch does not write as a name.  A name finding whose every
 * capitalised word is such a word, or one that stands beside such a word,
 * is a hint.
 */
static const char *const greet_words[] = {"wesołych", "świąt", "dziękuję", "dzięki", "cześć", "sto", "lat",
	"hayırlı", "hayirli", "ramazanlar", "bayramınız", "bayraminiz", "bayramı", "bayram", "kurban", "şeker",
	"kutlu", "olsun", "maşallah", "masallah", "inşallah", "insallah", "mashallah", "inshallah", "alhamdulillah",
	"bismillah", "subhanallah", "selamat", "idul", "fitri", "adha", "lebaran", "eid", "mubarak", "mabrouk",
	"ramadan", "ramadhan", "ramazan", "iftar", "suhoor", "merhaba", "teşekkürler", "tesekkurler", "shukran",
	"shalom", "chanoeka", "chanukah", "hanukkah", "diwali", "holi", "phagwa", "meskel",
	"keti", "koti", "boas", "festas", "feliz", "navidad", "joyeux", "noël", "frohe", "weihnachten", "fijne",
	"lokwinske", "moarn", "goeie", "hallo", "bon", "bini", "danki", "masha", "nazar", "değmesin",
	"velykden", "khrystos", "voskres", "wesolych", "swiat", "dziekuje", NULL};

/*
 * Wave 22 (from batch 89): the care worker a compliment is passed on to, or
 * who is glad of it ("We geven je compliment door aan Gülay 😊", "Shirley
 * is heel blij met uw compliment!"): webcare's answer names staff in their
 * role.  Only in a sentence with "compliment", for a name with no family
 * word or possessive before it, in a post with no "ik"/"mijn".
 */
static void demote_complimented(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i >= c->ntok)
			continue;
		/* wave 23 (batch 96): "Complimenten voor zuster Ans en broeder
		 * Kees": a nurse's title is her work, not a private circle's */
		bool nurse = tok_in(c, &c->tok[i], (const char *const[]){"zuster", "broeder", "zr", "zr.", NULL});
		if (x->confidence >= 0.9 && !nurse)
			continue;
		size_t s = c->tok[i].sent;
		if (i > 0 && c->tok[i - 1].sent == s && (c->tok[i - 1].flags & (W_FAMILY | W_POSS | W_TITLE)))
			continue;
		bool said = false;
		for (size_t u = tok_first_at(c, c->sent_at[s]); u < c->ntok && c->tok[u].sent == s && !said; u++)
			said = tok_in(c, &c->tok[u], (const char *const[]){"compliment", "complimenten", "complimentje",
			                                                   "bedankje", NULL});
		if (said && !has_private_circle(c) && !writer_speaks(c))
			x->confidence = STAFF_CONF;
	}
}

static bool greet_word(const struct ctx *c, size_t i)
{
	char w[64];
	size_t n = c->tok[i].e - c->tok[i].s;
	if (n >= sizeof w)
		return false;
	memcpy(w, c->lt + c->tok[i].s, n);
	w[n] = '\0';
	return in_list(w, greet_words);
}

static void demote_foreign_greetings(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (!weak_name(c, x))
			continue;
		size_t i, last, ncap;
		bool all = caps_all(c, x, greet_word, &i, &last, &ncap);
		/* or its first word, capitalised, with letters Dutch does not
		 * write, beside such a word ("Hayırlı Ramazanlar!") */
		bool beside = false;
		if (!all && i < c->ntok && c->tok[i].cap && !greet_word(c, i) &&
		    foreign_letters(c->t + c->tok[i].s, c->tok[i].e - c->tok[i].s)) {
			beside = (i > 0 && c->tok[i - 1].sent == c->tok[i].sent && greet_word(c, i - 1)) ||
			         (i + 1 < c->ntok && c->tok[i + 1].sent == c->tok[i].sent && greet_word(c, i + 1));
		}
		if (all || beside)
			x->confidence = 0.3;
	}
}

/*
 * Wave 23 (batch 96): the number to call a staff member on in their role —
 * "U kunt bellen met de locatiemanager, Karin Wolters, via 06-23 45 67 81",
 * "bel secretaris Wim Oldenhof, 06 50 12 98 33" — is the organisation's,
 * as a desk's is: a name the rules made staff right before the number in
 * the sentence (at most "via", "op", "tel", a comma or a colon between) and
 * a word of calling in it; not in a post about someone's own circle.
 */
static void demote_staff_numbers(struct ctx *c)
{
	static const char *const call[] = {"bel", "bellen", "belt", "bereikbaar", "contact", "telefonisch", NULL};
	static const char *const between[] = {"via", "op", "tel", "telefoon", "nummer", "is", NULL};
	struct scan_result *r = c->out;
	for (size_t f = 1; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_PHONE || x->confidence < SCAN_COUNT_CONF)
			continue;
		const struct scan_finding *nm = NULL;
		for (size_t g = f; g-- > 0 && !nm;)
			if (r->v[g].end <= x->start)
				nm = &r->v[g];
		if (!nm || nm->type != SCAN_NAME || nm->confidence != STAFF_CONF)
			continue;
		/* (numbers are no tokens: i is the first word after it, or ntok) */
		size_t i = tok_first_at(c, x->start), b = tok_first_at(c, nm->end);
		if (b > i || sentence_of(c, x->start) != sentence_of(c, nm->start))
			continue;
		bool ok = i - b <= 2;
		for (size_t u = b; u < i && ok; u++)
			ok = tok_in(c, &c->tok[u], between);
		for (size_t p = nm->end; p < x->start && ok; p++)
			ok = c->t[p] != '.' && c->t[p] != '(' && c->t[p] != '\n';
		if (!ok)
			continue;
		bool calls = false;
		size_t s = sentence_of(c, x->start);
		for (size_t u = tok_first_at(c, c->sent_at[s]); u < c->ntok && c->tok[u].sent == s && !calls; u++)
			calls = tok_in(c, &c->tok[u], call);
		if (calls && !has_private_circle(c))
			x->confidence = 0.4;
	}
}

/*
 * Wave 23 (batch 99): an account in the name of a body ("NL47 KNAB ...
 * t.n.v. Personeelsvereniging De Wending", "ten name van Zorgcentrum De
 * Wilg") is that body's, as a donation account is: "t.n.v." or "ten name
 * van" right after the IBAN and a kind of body as the next word (also as a
 * compound's head).
 */
static void demote_body_accounts(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_IBAN || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t p = x->end;
		while (p < c->len && (c->t[p] == ' ' || c->t[p] == ','))
			p++;
		size_t i = tok_first_at(c, p);
		if (i >= c->ntok || c->tok[i].s - p > 1)
			continue;
		/* "t.n.v." is the tokens t, n, v; "ten name van" three words */
		if (i + 3 < c->ntok && tok_alt(c, i, "t|ten") && tok_alt(c, i + 1, "n|name") && tok_alt(c, i + 2, "v|van") &&
		    c->tok[i + 3].s - c->tok[i + 2].e <= 2 && venue_kind(c, &c->tok[i + 3]))
			x->confidence = 0.4;
	}
}

/*
 * Wave 20 (from batch 63): a number the post itself calls a work number
 * ("op 06-11 22 84 90 (werknummer)", "werktelefoon: 06-...") is the
 * organisation's, as a desk's number is.
 */
static bool only_space_or_colon(const struct ctx *c, size_t a, size_t b)
{
	for (size_t p = a; p < b; p++)
		if (c->t[p] != ' ' && c->t[p] != ':')
			return false;
	return true;
}

static void demote_work_numbers(struct ctx *c)
{
	static const char *const work[] = {"werknummer", "werktelefoon", "werkmobiel", "dienstnummer",
		"diensttelefoon", "dienstmobiel", "zakelijk nummer", "zakelijke nummer", "werk-mobiel", NULL};
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_PHONE || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t a = x->start > 24 ? x->start - 24 : 0, b = x->end + 24 < c->len ? x->end + 24 : c->len;
		bool said = false;
		for (const char *const *w = work; *w && !said; w++) {
			size_t m = strlen(*w);
			/* right after, in brackets or after a comma; or as its label before */
			for (size_t p = x->end; p + m <= b && !said && p < x->end + 4; p++)
				said = !strncasecmp(c->t + p, *w, m);
			for (size_t p = a; p + m <= x->start && !said; p++)
				said = !strncasecmp(c->t + p, *w, m) && only_space_or_colon(c, p + m, x->start);
		}
		if (said)
			x->confidence = 0.4;
	}
}

/*
 * Wave 20 (from batches 62 and 64): "Ds." is the title of a minister, not a
 * name ("Ds. Van der Meulen sprak over naoberschap"), and a minister, pastor
 * or imam named with the title is a person in a public role, as "dokter" and
 * "wethouder" make one: the name is staff, not client data (labelling rule
 * 5).  What the post says of their health is found on its own.
 */
static void demote_clergy(struct ctx *c)
{
	static const char *const clergy[] = {"ds", "dominee", "pastor", "pastoor", "predikant", "imam",
		"kapelaan", "rabbijn", "diaken", "pater", "deken", "voorganger", NULL};
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t n = x->end - x->start;
		if (n == 2 && !memcmp(c->lt + x->start, "ds", 2)) {
			x->confidence = 0.3;
			continue;
		}
		size_t i = tok_first_at(c, x->start);
		if (i >= c->ntok)
			continue;
		while (i > 0 && tok_in(c, &c->tok[i - 1], prefixes)) /* "Ds. Van der Meulen" */
			i--;
		if (i == 0)
			continue;
		const struct tok *k = &c->tok[i - 1];
		if (tok_in(c, k, clergy) && only_space(c, k->e + (k->e < c->len && c->t[k->e] == '.'), c->tok[i].s))
			x->confidence = STAFF_CONF;
	}
}

/*
 * After batches 53 and 54: staff news with nothing private in it — "Bas
 * Wolters heeft zijn diploma verpleegkunde gehaald!", "Hanneke is deze week
 * met vakantie", "Vanaf maandag start Jolien Stegeman als nieuwe geestelijk
 * verzorger ... via j.stegeman@...", "Vrijwillige chauffeurs melden zich
 * bij Gertjan Hofman via 06-...".  A post with a word of staff news, no
 * client, relative or private data of any other kind: its names are staff in
 * their role (labelling rule 5), and a phone number or address after "via",
 * "op" or "bel" in a staff name's sentence is their work's.  The relative of
 * demote_team_post (team words: rosters, committees, trainees), kept apart
 * because it is stricter about who is spoken to ("we", "u": a webcare reply,
 * "we zijn trots op hem") and allows a title for anyone ("bewoners").
 */
static bool staff_news_compound(const struct ctx *c, const struct tok *k)
{
	static const char *const tails[] = {"diploma", "lezing", "college", "cursus", "scholing", "receptie", NULL};
	size_t n = k->e - k->s;
	for (const char *const *t = tails; *t; t++) {
		size_t m = strlen(*t);
		if (n > m + 2 && !strncasecmp(c->t + k->e - m, *t, m))
			return true;
	}
	return n > 10 && !memcmp(c->lt + k->s, "afscheids", 9);
}

static void demote_staff_news(struct ctx *c)
{
	static const char *const news[] = {"diploma", "geslaagd", "jubileum", "jubilaris", "dienstjubileum", "pensioen",
		"afscheid", "vakantie", "teamnieuws", "stagiair", "stagiaire", "vacature", "solliciteren",
		"toestel", "bereikbaar", "werkbegeleider", "werkbegeleiders", "collega's", "collega", "teamleider",
		"coördinator", "vrijwilligerscoördinator", "contact", "contactpersoon", "aanspreekpunt", "cursus",
		"scholing", "dirigent", "gastvrouw", "gastheer",
		/* wave 20, after batch 65: an organisation's thanks, invitations,
		 * rosters and people in a public role, also in Frisian and Limburgs
		 * ("Tige tank oan ...", "Dirigint Pieter Jan Terpstra", "Host: Priya
		 * Nair", "wethouder Gerben de Vries"; "o.l.v." is three tokens and
		 * no cue) */
		"uitnodiging", "oproep", "dirigint", "voorzitter",
		"foarsitter", "voorzitster", "wethouder", "minister", "burgemeester", "gedeputeerde", "host",
		"interviewer", "kunstenaar", "kunstenares", "secretaris", "badjuf", "weekrooster", "werkbezoek", "kerstgroet", "krystgroet", "nieuwjaarsbrief", NULL};
	struct scan_result *r = c->out;
	/* (a private address or a mobile number is someone's own: "Kees is
	 * bereikbaar via kees_vd_berg AT outlook DOT com") */
	if (!names_and_work_contacts(c, true))
		return;
	bool cue = false;
	for (size_t i = 0; i < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		/* (a title for anyone or many is no client: "bij drie of meer bewoners
		 * met koorts") */
		if ((k->flags & W_FAMILY) ||
		    ((k->flags & W_TITLE) && !(k->flags & W_ROLE) && !any_one(c, i) &&
		     !plural_word(c, k)) ||
		    tok_is_ik(c, k) ||
		    tok_in(c, k, (const char *const[]){"mijn", "m'n", "mn", "me", "wij", "we", "u", "uw", NULL}))
			return; /* a client, a relative, the writer's own circle, someone addressed */
		/* wave 29 (batch 121): the health of the one addressed ("Rob,
		 * welkom terug in de groep! Goed dat je er weer bent na je opname") */
		if (i + 1 < c->ntok && c->tok[i + 1].sent == k->sent && tok_in(c, k, (const char *const[]){"je", "jouw", NULL}) &&
		    ((c->tok[i + 1].flags & W_MED) ||
		     tok_in(c, &c->tok[i + 1], (const char *const[]){"opname", "operatie", "ziekenhuisopname", "behandeling",
		                                                     "herstel", "revalidatie", "ziekte", NULL})))
			return;
		/* "Welkom Joost!", "Welkom terug, Sofie!", not "Iedereen welkom voor
		 * taart"; after batch 57, compounds: "masterdiploma", "lunchlezing",
		 * "afscheidsreceptie", "gastcollege" */
		cue = cue || tok_in(c, k, news) || (k->e - k->s > 9 && !memcmp(c->lt + k->s, "leerling-", 9)) ||
		      (i + 1 < c->ntok && c->tok[i + 1].sent == k->sent &&
		       (c->tok[i + 1].cap || tok_in(c, &c->tok[i + 1], (const char *const[]){"terug", NULL})) &&
		       tok_in(c, k, (const char *const[]){"welkom", NULL})) ||
		      staff_news_compound(c, k) ||
		      /* thanks to someone named ("Dank aan", "Tige tank oan", "Merci
		       * aan"), not for the cards a patient got */
		      (i + 1 < c->ntok && c->tok[i + 1].sent == k->sent &&
		       tok_in(c, k, (const char *const[]){"dank", "bedankt", "tank", "merci", NULL}) &&
		       tok_in(c, &c->tok[i + 1], (const char *const[]){"aan", "oan", NULL}));
	}
	if (!cue)
		return;
	unsigned char *staff = xcalloc(c->nsent, 1);
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].type == SCAN_NAME && r->v[j].confidence >= SCAN_COUNT_CONF) {
			r->v[j].confidence = STAFF_CONF;
			staff[sentence_of(c, r->v[j].start)] = 1;
		}
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		char w[8];
		if ((x->type == SCAN_PHONE || x->type == SCAN_EMAIL) && x->confidence >= SCAN_COUNT_CONF &&
		    staff[sentence_of(c, x->start)] && word_before(c, x->start, w, sizeof w, NULL) &&
		    in_list(w, (const char *const[]){"via", "op", "bel", "at", "naar", "mail", NULL}))
			x->confidence = 0.4;
	}
	free(staff);
}

/*
 * After batch 50: a disease that names a job ("Ik ben Esther, nieuw als
 * casemanager dementie", "onze verpleegkundige diabetes"): the health word
 * right after a role word, the sentence's only health, is the role's.
 */
static void demote_role_health(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t t = tok_first_at(c, x->start);
		/* (after batches 56 and 57, a department or a field: "op de afdeling
		 * Revalidatie", "aandachtsvelder palliatieve zorg") */
		if (t == 0 || t >= c->ntok || c->tok[t].s != x->start || c->tok[t - 1].sent != c->tok[t].sent ||
		    !only_space(c, c->tok[t - 1].e, c->tok[t].s) ||
		    !((c->tok[t - 1].flags & (W_ROLE | W_DEPT)) || role_like(c, &c->tok[t - 1]) ||
		      tok_in(c, &c->tok[t - 1], (const char *const[]){"afdeling", "aandachtsvelder", "aandachtsvelders",
		                                                      "expertisecentrum", "kenniscentrum", NULL})) ||
		    /* (not the verb after a team: "Hanneke van de avonddienst ligt in het ziekenhuis") */
		    tok_in(c, &c->tok[t], (const char *const[]){"ligt", "lag", "is", "was", "zit", "zat", "heeft", "had",
		                                                "wordt", "werd", NULL}))
			continue;
		size_t s = c->tok[t].sent, others = 0;
		for (size_t k = 0; k < r->n; k++)
			others += k != j && r->v[k].type == SCAN_HEALTH && r->v[k].confidence >= SCAN_COUNT_CONF &&
			          sentence_of(c, r->v[k].start) == s;
		if (!others)
			x->confidence = 0.4;
	}
}

/*
 * After batch 48 (labelling rule 6): a colleague's own health where the
 * rules took the name for staff in their role — "Onze IB'er Marloes zit
 * overspannen thuis", "Mededeling van de teamleider: Ivo is vorige week
 * geopereerd aan een hernia".  The name is the subject: right after it a
 * verb of being or having, then within three words (when, how) the medical
 * word; "dokter Jansen heeft haar geopereerd" (an object between) is not
 * theirs.  After the health model, outside its rows.
 */
static void scan_staff_health(struct ctx *c)
{
	static const char *const verbs[] = {"is", "zit", "ligt", "was", "werd", "wordt", "heeft", "had", "kreeg",
		"lag", "zat", /* round 18 (batch 139): "docent Wibowo blijkt zelf MRSA-drager" */ "blijkt", "bleek",
		/* round 25 (batch 148): "praktijkverpleegkundige Marja herstelt van een operatie" */
		"herstelt", "revalideert", NULL};
	static const char *const between[] = {"vorige", "afgelopen", "deze", "sinds", "vandaag", "gisteren",
		"vannacht", "helaas", "plotseling", "onverwacht", "al", "nog", "weer", "erg", "flink", "ernstig",
		"thuis", "week", "maand", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
		"zondag", "een", "zwaar", "behoorlijk", "best", "nogal", "echt", "in",
		/* wave 20: "ligt al twee weken plat met zwangerschapsvergiftiging" */
		"twee", "drie", "vier", "paar", "weken", "dagen", "plat", "met", "opgenomen",
		/* wave 24 (batch 102): "is vorige week aan zijn knie geopereerd",
		 * "is zelf ernstig ziek geworden" */
		"aan", "zijn", "haar", "z'n", "d'r", "zelf",
		/* round 18 (batch 139): "Stefan van team Axel kreeg zelf tijdens de
		 * oefening hartritmestoornissen" */
		"tijdens", "de", "oefening",
		/* round 25 (batch 148): "Annie ... wordt steeds vergeetachtiger" */
		"steeds", "heel", "ook", "van", NULL};
	size_t n0 = c->out->n;
	unsigned char *found = NULL;
	for (size_t j = 0; j < n0; j++) {
		const struct scan_finding *x = &c->out->v[j];
		if (x->type != SCAN_NAME || x->confidence >= SCAN_COUNT_CONF || x->confidence < STAFF_CONF)
			continue;
		size_t v = tok_first_at(c, x->end), at = x->end;
		/* wave 20: an apposition between ("Fatma, onze vrijwilligster van
		 * woensdag, is opgenomen met hartklachten") */
		if (at < c->len && c->t[at] == ',') {
			size_t q = at + 1;
			while (q < c->len && q - at < 60 && c->t[q] != ',' && c->t[q] != '.' && c->t[q] != '\n')
				q++;
			if (q < c->len && c->t[q] == ',' && q - at < 60) {
				at = q + 1;
				v = tok_first_at(c, at);
			}
		}
		if (v + 1 >= c->ntok || !only_space(c, at, c->tok[v].s) || c->tok[v].sent != sentence_of(c, x->start))
			continue;
		/* after batch 57: when, between the name and its verb ("collega Hans
		 * Klein Gunnewiek op 3 december plotseling is overleden") */
		for (size_t w = v, hop = 0; hop < 5 && w + 1 < c->ntok && c->tok[w].sent == c->tok[v].sent; w++, hop++) {
			if (tok_in(c, &c->tok[w], verbs)) {
				v = w;
				break;
			}
			if (c->tok[w].cap || !(tok_in(c, &c->tok[w], between) || tok_in(c, &c->tok[w], months_nl) ||
			                       tok_in(c, &c->tok[w], (const char *const[]){"op", NULL}) ||
			                       digit_at(c, c->tok[w].s)))
				break;
		}
		/* after batch 51, where they work between: "Hanneke van de avonddienst
		 * ligt in het ziekenhuis", "Ruud van team Noord is ..." */
		if (tok_in(c, &c->tok[v], (const char *const[]){"van", NULL}) && v + 3 < c->ntok &&
		    c->tok[v + 3].sent == c->tok[v].sent &&
		    ((tok_in(c, &c->tok[v + 1], (const char *const[]){"de", "het", NULL}) &&
		      (!c->tok[v + 2].cap || c->tok[v + 2].acronym)) || /* wave 24: "Tamara van de IC" */
		     (tok_in(c, &c->tok[v + 1], (const char *const[]){"team", NULL}) && c->tok[v + 2].cap)))
			v += 3;
		/* round 25 (batch 148): a participle at once ("gisteren is onze
		 * collega Kees van der Laan overleden"), and a clause whose verb
		 * comes last ("Sinds collega Bianca een hersenschudding opliep") */
		if (tok_in(c, &c->tok[v], (const char *const[]){"overleden", "gestorven", "geopereerd", "opgenomen", NULL})) {
			add_uncovered(c, &found, n0, SCAN_HEALTH, v, c->tok[v].s, c->tok[v].e, 0.6);
			continue;
		}
		size_t b = tok_first_at(c, x->start);
		bool clause = b >= 2 && c->tok[b - 2].sent == c->tok[v].sent &&
		              tok_in(c, &c->tok[b - 2], (const char *const[]){"sinds", "omdat", "nu", "toen", "nadat",
		                                                              "doordat", "dat", NULL}) &&
		              tok_in(c, &c->tok[b - 1], (const char *const[]){"collega", "collegaatje", "oud-collega",
		                                                              "vrijwilliger", "vrijwilligster", NULL});
		if (!tok_in(c, &c->tok[v], verbs) && !clause)
			continue;
		/* "ligt in het ziekenhuis", "is opgenomen"; else the medical word
		 * within three words */
		size_t hs = v, he = admitted(c, v);
		if (he == NONE && v + 1 < c->ntok)
			he = admitted(c, v + 1);
		/* round 4 (batch 81): a second verb joined by "en" ("Thomas van de
		 * avonddienst is met zijn scooter onderuitgegaan en heeft zijn
		 * sleutelbeen gebroken") is read the same way */
		for (int pass = 0; pass < 2 && he == NONE; pass++) {
			if (pass) {
				size_t w = v + 1;
				while (w + 1 < c->ntok && w <= v + 10 && c->tok[w].sent == c->tok[v].sent &&
				       !(tok_in(c, &c->tok[w], (const char *const[]){"en", NULL}) &&
				         tok_in(c, &c->tok[w + 1], verbs)))
					w++;
				if (w + 1 >= c->ntok || w > v + 10 || c->tok[w + 1].sent != c->tok[v].sent ||
				    !tok_in(c, &c->tok[w], (const char *const[]){"en", NULL}))
					break;
				v = w + 1;
				he = admitted(c, v);
				if (he != NONE) {
					hs = v;
					break;
				}
			}
			int skip = pass ? 2 : 0; /* (the second: "heeft zijn sleutelbeen gebroken") */
			for (size_t m = v + 1, last; he == NONE && m < c->ntok && m <= v + 7 && c->tok[m].sent == c->tok[v].sent;
			     m++) {
				if (medical_token(c, m, &last)) {
					hs = m;
					he = last;
				} else if (c->tok[m].cap ||
				           !(tok_in(c, &c->tok[m], between) || tok_in(c, &c->tok[m], body_words) || skip-- > 0)) {
					break;
				}
			}
		}
		if (he != NONE)
			add_uncovered(c, &found, n0, SCAN_HEALTH, hs, c->tok[hs].s, c->tok[he].e, 0.6);
	}
	free(found);
}

/*
 * Wave 24 (batches 101-103, unseen texts): a word of amount, colour or
 * everyday doing is no one's health on its own ("heeft zoveel schulden",
 * "durft niks te openen", "betaalt zich blauw"): the health model marked it
 * beside a person.  A finding of that one word is left as a hint.  After
 * the model (its rows and threshold are the same).
 */
static const char *const plain_words[] = {"zoveel", "openen", "blauw", "toelating", "overvallen", "ingelogd",
	"hekel", "lawaai", "geluidsoverlast", "verwarming", "bankpas", "generatie", "degene", "typt", "reageert",
	"vergaderen", "kiezen", "verderop", "tevoren", "maanden", "bestaat",
	/* wave 25 (batch 108) */ "uitgeruimd", "plekken", "opdringerig", "duidelijk",
	/* wave 31 (batch 136: words the rules and the model marked alone, at
	 * least 3 times and less than a third of them labelled health in the
	 * labelled texts: "maak een afspraak via de assistente", "de
	 * scootmobiel", "naar de logopedie") */
	"afspraak", "afspraken", "gesprekken", "scootmobiel", "traplift", "begrijpt", "streng", "weg", "geeft",
	"bleef", "die", "laten", "liet", "veranderd", "probeert", "she", "klaproos", "budgethouder",
	"beschermde", "woorden", "drukte", "overstap", "logopedie", "ergotherapie", "kinderfysio", "ziekmelding",
	NULL};

/*
 * Wave 24 (batch 104): a professional's anonymised case ("breng ik een
 * casus in: cliënt met beginnende dementie die 's nachts de voordeur uit
 * wil", "Casus anoniem: cliënt met dementie en slikproblemen") is no one's
 * health: a text that names a case and holds nothing that points to a person
 * (no name, age, room, number, address; no family of the writer) keeps its
 * health as hints — the sentences after the word "casus", and those without
 * the writer in them.  After the model.
 */
static void demote_anonymous_case(struct ctx *c)
{
	struct scan_result *r = c->out;
	size_t cs = NONE;
	/* (the first letters and length before the list: this reads every text) */
	for (size_t t = 0; t < c->ntok && cs == NONE; t++)
		if ((c->t[c->tok[t].s] | 0x20) == 'c' && c->tok[t].e - c->tok[t].s >= 5 &&
		    c->tok[t].e - c->tok[t].s <= 16 && (c->t[c->tok[t].s + 1] | 0x20) == 'a' &&
		    tok_in(c, &c->tok[t], (const char *const[]){"casus", "casuïstiek", "casusbespreking", "casusvraag",
		                                              "casuistiek", NULL}))
			cs = t;
	if (cs == NONE)
		return;
	bool health = false;
	for (size_t j = 0; j < r->n; j++) {
		const struct scan_finding *x = &r->v[j];
		if (x->type == SCAN_NAME && x->confidence >= STAFF_CONF)
			return; /* a colleague's own, or a name not sure enough to count ("Collega
			         * Mireille ... zit zelf thuis met een burn-out") */
		if (x->confidence < SCAN_COUNT_CONF)
			continue;
		if (x->type != SCAN_HEALTH)
			return;
		health = true;
	}
	if (!health)
		return;
	for (size_t t = 0; t + 1 < c->ntok; t++)
		if ((c->tok[t].flags & W_POSS) && (c->tok[t + 1].flags & W_FAMILY) && c->tok[t + 1].sent == c->tok[t].sent)
			return;
	/* the sentences with the writer in them (in the case's sentence, only
	 * after the word: "breng ik een casus in: ..." is not about the writer) */
	bool *writer = xcalloc(c->nsent, sizeof *writer);
	for (size_t t = 0; t < c->ntok; t++)
		if (!writer[c->tok[t].sent] && !(c->tok[t].sent == c->tok[cs].sent && t < cs) &&
		    tok_in(c, &c->tok[t], firstp))
			writer[c->tok[t].sent] = true;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t t0 = tok_first_at(c, x->start);
		if (t0 >= c->ntok)
			continue;
		uint32_t sn = c->tok[t0].sent;
		if (!writer[sn] && (sn > c->tok[cs].sent || (sn == c->tok[cs].sent && t0 > cs)))
			x->confidence = 0.4;
	}
	free(writer);
}

/*
 * Wave 25 (batch 107): an unnamed stranger's health is no one's to guard
 * ("Een man in de bus kreeg een paniekaanval", "Een klant in onze winkel
 * vertelde dat hij autisme heeft", "een meisje uit mijn klas eet al maanden
 * bijna niks", "Een vriend van mij zit sinds kort in een afkickkliniek",
 * "iemand in mijn jaarlaag is vorige week opgenomen").  A text whose only
 * counted findings are health not tied to a person, with a stranger in it
 * ("een man", "iemand") and none of the writer's family, no title and no
 * handle, keeps as hints the health of the stranger's sentences: those in
 * which the last person pointed to before the finding is the stranger or
 * he or she, not the writer.  An age, a name or a number is kept, and
 * keeps the rest ("Een cliënt van 19 zei ...").  After the model.
 */
static const char *const strangers[] = {"man", "vrouw", "meisje", "jongen", "klant", "cliënt", "cliënte", "client",
	"vriend", "vriendin", "kennis", "mevrouw", "meneer", "dame", "heer", "jongeman", "leerling", "passagier",
	"bezoeker", "voorbijganger", "student", "studente", "tiener", "puber", "jongere", "oudere", "bewoner",
	"vrijwilliger", "vrijwilligster", NULL};

static void demote_stranger_health(struct ctx *c)
{
	static const char *const third[] = {"hij", "zij", "ze", "hem", "haar", "ie", "zijn", "z'n", "zn", NULL};
	/* ("me", "mij" are objects: "een meneer naast mij had pijn", "een vriend
	 * van mij") */
	static const char *const writer[] = {"ik", "we", "wij", "i", NULL};
	static const char *const mine[] = {"mijn", "m'n", "mn", "onze", "ons", NULL};
	struct scan_result *r = c->out;
	bool health = false;
	for (size_t j = 0; j < r->n; j++) {
		const struct scan_finding *x = &r->v[j];
		if (x->type == SCAN_NAME && x->confidence >= STAFF_CONF)
			return;
		if (x->confidence < SCAN_COUNT_CONF)
			continue;
		if (x->type != SCAN_HEALTH || x->confidence >= HEALTH_LINKED_CONF)
			return;
		health = true;
	}
	if (!health || memchr(c->t, '@', c->len))
		return;
	/* the stranger: "een <person>", "iemand"; no family of the writer's, no title */
	size_t who = NONE;
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		if ((k->flags & W_TITLE) && !tok_in(c, k, strangers) && !tok_in(c, k, (const char *const[]){"familie", NULL}))
			return;
		/* the writer's family, not the stranger's ("ik zijn vrouw was",
		 * "dat haar buurman"): after batch 111 */
		if ((k->flags & W_POSS) && t + 1 < c->ntok && (c->tok[t + 1].flags & W_FAMILY) && !tok_in(c, k, third))
			return;
		if (who != NONE)
			continue;
		/* "iemand in mijn jaarlaag", not the reader asked ("Kan iemand bep
		 * brengen?", "weet iemand hoe") */
		if (tok_in(c, k, (const char *const[]){"iemand", NULL}) && t + 1 < c->ntok &&
		    c->tok[t + 1].sent == k->sent &&
		    tok_in(c, &c->tok[t + 1], (const char *const[]){"in", "uit", "op", "bij", "die", "naast", NULL}) &&
		    !(t > 0 && c->tok[t - 1].sent == k->sent &&
		      tok_in(c, &c->tok[t - 1], (const char *const[]){"kan", "weet", "heeft", "wil", "kent", "is", "zou",
		                                                    "mag", "wie", "moet", "gaat", NULL})))
			who = t;
		/* (not "een schat van een man": someone already named) */
		else if (t + 1 < c->ntok && c->tok[t + 1].sent == k->sent &&
		         tok_in(c, k, (const char *const[]){"een", "'n", NULL}) && tok_in(c, &c->tok[t + 1], strangers) &&
		         !(t > 0 && tok_in(c, &c->tok[t - 1], (const char *const[]){"van", "zoek", "zoeken", "zoekt",
		                                                                     "zochten", "zocht", NULL})))
			who = t + 1;
		/* round 18 (batch 139): an adjective between, "een jonge cliënt
		 * (twintiger) meldt suïcidale gedachten"; a professional's own
		 * client unnamed, "Mijn cliënt heeft een zeldzame spierziekte en
		 * ik zeg bewust niet welke" (of the labelled texts with a client
		 * so named and health alone, those with client data are the
		 * writer's own health, which the writer's sentences keep) */
		else if (t + 2 < c->ntok && c->tok[t + 2].sent == k->sent &&
		         tok_in(c, k, (const char *const[]){"een", NULL}) && !c->tok[t + 1].cap &&
		         c->tok[t + 1].e - c->tok[t + 1].s <= 10 && c->lt[c->tok[t + 1].e - 1] == 'e' &&
		         c->tok[t + 1].e + 1 == c->tok[t + 2].s && tok_in(c, &c->tok[t + 2], strangers) &&
		         !(t > 0 && tok_in(c, &c->tok[t - 1], (const char *const[]){"van", "zoek", "zoeken", "zoekt",
		                                                                     "zochten", "zocht", NULL})))
			who = t + 2;
		else if (t + 1 < c->ntok && c->tok[t + 1].sent == k->sent &&
		         tok_in(c, k, (const char *const[]){"mijn", "m'n", "onze", NULL}) &&
		         tok_in(c, &c->tok[t + 1], (const char *const[]){"cliënt", "cliënte", "client", "patiënt",
		                                                        "patiënte", NULL}))
			who = t + 1;
	}
	if (who == NONE)
		return;
	/* named or aged beside it: "een cliënt, S. (28 jaar)", "een man (63)",
	 * "een man van 67" */
	if (who + 1 < c->ntok && c->tok[who + 1].sent == c->tok[who].sent &&
	    ((c->tok[who].e < c->len && c->t[c->tok[who].e] == ',' && c->tok[who + 1].cap) ||
	     isdigit((unsigned char)c->t[c->tok[who + 1].s]) ||
	     (who + 2 < c->ntok && tok_in(c, &c->tok[who + 1], (const char *const[]){"van", NULL}) &&
	      (isdigit((unsigned char)c->t[c->tok[who + 2].s]) ||
	       number_word(c->t + c->tok[who + 2].s, c->tok[who + 2].e - c->tok[who + 2].s) > 0))))
		return;
	/* an age further on in the stranger's sentence: "kwam er een man binnen,
	 * 67, met ...", "een meisje uit mijn groep, 13 jaar," (numbers are no
	 * tokens: the bytes up to the sentence's last word) */
	size_t send = c->tok[who].e;
	for (size_t t = who; t < c->ntok && c->tok[t].sent == c->tok[who].sent; t++)
		send = c->tok[t].e;
	for (size_t i = c->tok[who].e; i < send; i++) {
		if (!isdigit((unsigned char)c->t[i]) || isalnum((unsigned char)c->t[i - 1]))
			continue;
		size_t e = i;
		while (e < send && isdigit((unsigned char)c->t[e]))
			e++;
		bool commas = e - i <= 3 && i >= 2 && c->t[i - 2] == ',' && c->t[i - 1] == ' ' && c->t[e] == ',';
		char w[8];
		bool jaar = e - i <= 3 && word_after(c, e, w, sizeof w, NULL) && (!strcmp(w, "jaar") || !strcmp(w, "jr"));
		if (commas || jaar)
			return;
		i = e;
	}
	/* the writer telling what they are ("Ik ben een vrouw met MS", "als
	 * moeder en als een vriendin"): no stranger */
	for (size_t b = who; b-- > 0 && b + 4 >= who && c->tok[b].sent == c->tok[who].sent;)
		if (tok_in(c, &c->tok[b], (const char *const[]){"ben", "was", "word", "werd", "blijf", "als", "am", NULL}))
			return;
	/* the family without a possessive ("Sinds oma is overleden"): someone's */
	for (size_t t = 0; t < c->ntok; t++)
		if ((c->tok[t].flags & W_FAMILY) && t != who && !tok_in(c, &c->tok[t], strangers) &&
		    !(t > 0 && tok_in(c, &c->tok[t - 1], third)))
			return;
	int last = 0; /* 0 no one, 1 the writer, 2 the stranger */
	size_t f = 0;
	for (size_t t = 0; t < c->ntok && f < r->n; t++) {
		const struct tok *k = &c->tok[t];
		for (; f < r->n && r->v[f].start < k->e; f++) {
			struct scan_finding *x = &r->v[f];
			if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF || x->start < k->s)
				continue;
			/* "mijn (zware) depressie": the writer's */
			bool own = false;
			for (size_t b = t; b-- > 0 && b + 2 >= t && c->tok[b].sent == k->sent;)
				own = own || tok_in(c, &c->tok[b], mine);
			if (last == 2 && !own && t > who)
				x->confidence = 0.4;
		}
		if (t > 0 && c->tok[t - 1].sent != k->sent && last == 1)
			last = 0; /* the writer of one sentence is not the next one's */
		if (t == who || (t > who && tok_in(c, k, third)))
			last = 2;
		else if (tok_in(c, k, writer))
			last = 1;
	}
}

/* Token t is a ward ("de IC", "de dwarslaesie-afdeling") where someone
 * works: "mijn stage op de IC", "zijn werk op de dwarslaesie-afdeling",
 * "dienst op de SEH" (batch 102) — a place of work, not of care. */
static bool work_place(const struct ctx *c, size_t t)
{
	static const char *const wards[] = {"ic", "seh", "ok", "ccu", "mc", "nicu", "picu", "icu", NULL};
	static const char *const work[] = {"stage", "werk", "werken", "werkt", "werkte", "dienst", "diensten",
		"nachtdienst", "avonddienst", "dagdienst", "stagiair", "stagiaire", "collega", "collega's", "vacature",
		"werkplek", "rooster", "inwerken", "ingewerkt", "solliciteren", NULL};
	const struct tok *k = &c->tok[t];
	size_t n = k->e - k->s;
	bool ward = (k->acronym && tok_in(c, k, wards)) || (n > 8 && !memcmp(c->lt + k->e - 8, "afdeling", 8)) ||
	            (n > 5 && !memcmp(c->lt + k->e - 5, "-unit", 5));
	if (!ward || t < 2 || !tok_in(c, &c->tok[t - 1], (const char *const[]){"de", "het", NULL}) ||
	    !tok_in(c, &c->tok[t - 2], (const char *const[]){"op", "in", "bij", "naar", NULL}))
		return false;
	for (size_t b = t - 2; b-- > 0 && b + 6 >= t && c->tok[b].sent == k->sent;)
		if (tok_in(c, &c->tok[b], work) || work_word(c, &c->tok[b]))
			return true;
	return false;
}

/* Round 4 (batch 105): a medical compound whose head is an organisation, a
 * supply or a course is no one's condition ("nierstichting",
 * "incontinentiemateriaal", "steunkousentraining"). */
static bool body_of_things(const struct ctx *c, const struct tok *k)
{
	static const struct lit heads[] = {LIT("stichting"), LIT("fonds"), LIT("vereniging"), LIT("materiaal"),
		LIT("materialen"), LIT("training"), LIT("cursus"), LIT("folder")};
	size_t n = k->e - k->s;
	for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++)
		if (n >= heads[h].n + 4 && !strncasecmp(c->t + k->e - heads[h].n, heads[h].s, heads[h].n)) {
			if (h < 3)
				return true; /* an organisation */
			/* a supply or a course is someone's only with no one in the
			 * sentence ("incontinentiemateriaal voor mijn moeder" is hers) */
			for (size_t t = tok_first_at(c, c->sent_at[k->sent]); t < c->ntok && c->tok[t].sent == k->sent; t++)
				if ((c->tok[t].flags & (W_FAMILY | W_TITLE)) || tok_in(c, &c->tok[t], firstp))
					return false;
			return true;
		}
	return false;
}

/* "een afspraak bij de longarts": an appointment with a doctor or a
 * medical word in the three words after it (batch 136) */
static bool appointment_with_doctor(const struct ctx *c, size_t t)
{
	if (!tok_in(c, &c->tok[t], (const char *const[]){"afspraak", "afspraken", NULL}))
		return false;
	for (size_t u = t + 1; u < c->ntok && u <= t + 3 && c->tok[u].sent == c->tok[t].sent; u++) {
		size_t n = c->tok[u].e - c->tok[u].s;
		if ((c->tok[u].flags & W_MED) || (n > 4 && !memcmp(c->lt + c->tok[u].e - 4, "arts", 4)) ||
		    (n > 5 && !memcmp(c->lt + c->tok[u].e - 5, "kundige", 5)) ||
		    (n > 4 && !memcmp(c->lt + c->tok[u].e - 4, "loog", 4)))
			return true;
	}
	return false;
}

static void demote_plain_health(struct ctx *c)
{
	for (size_t j = 0; j < c->out->n; j++) {
		struct scan_finding *x = &c->out->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t t = tok_first_at(c, x->start);
		/* wave 25: taken into a team, not a ward ("ben ik opgenomen in het
		 * team van de avondploeg", "opgenomen in het zorgplan") */
		if (t + 3 < c->ntok && c->tok[t].s == x->start && tok_in(c, &c->tok[t], (const char *const[]){"opgenomen", NULL}) &&
		    tok_in(c, &c->tok[t + 1], (const char *const[]){"in", NULL}) && c->tok[t + 3].sent == c->tok[t].sent &&
		    tok_in(c, &c->tok[t + 3], (const char *const[]){"team", "groep", "familie", "gezin", "bestuur", "raad",
		                                                  "programma", "rooster", "zorgplan", "plan", "dossier",
		                                                  "lijst", "app", "systeem", NULL})) {
			x->confidence = 0.4;
			continue;
		}
		if (t >= c->ntok || c->tok[t].s != x->start || c->tok[t].e != x->end)
			continue;
		if (!(c->tok[t].flags & (W_MED | W_VITAL)) && tok_in(c, &c->tok[t], plain_words) &&
		    !appointment_with_doctor(c, t))
			x->confidence = 0.4;
		else if (work_place(c, t) || body_of_things(c, &c->tok[t]))
			x->confidence = 0.4;
		/* wave 25 (batch 107): whether a condition exists, not who has it
		 * ("zegt dat ADHD niet bestaat", "burn-out bestaat echt") */
		else if (t + 2 < c->ntok && c->tok[t + 2].sent == c->tok[t].sent &&
		         (tok_in(c, &c->tok[t + 1], (const char *const[]){"bestaat", NULL}) ||
		          (tok_in(c, &c->tok[t + 1], (const char *const[]){"niet", "echt", "wel", "gewoon", NULL}) &&
		           tok_in(c, &c->tok[t + 2], (const char *const[]){"bestaat", NULL}))))
			x->confidence = 0.4;
	}
}

/*
 * What follows a staff or public name is theirs: "Voetballer Virgil van Dijk"
 * (the rule name "van Dijk" right after the hint "Virgil"), "Uw aanspreekpunt
 * is Pieter de Boer, 0522-441100, p.deboer@careteam.nl" (a contact person's
 * work number and address).  Findings are sorted by start.
 */
/* The person named at byte s is named as a contact: a role right before
 * the name ("teamcoach Marieke"), or a request to reply, ask or sign up
 * within four words before it ("Info bij Wim", "Reageren kan bij"). */
static bool contact_named(const struct ctx *c, size_t s)
{
	static const char *const ask[] = {"info", "informatie", "vragen", "aanmelden", "opgeven", "reageren",
		"bel", "bellen", "mail", "mailen", "inlichtingen", "solliciteren", NULL};
	size_t i = tok_first_at(c, s);
	if (i == 0 || i >= c->ntok)
		return false;
	if (role_like(c, &c->tok[i - 1]) && c->tok[i - 1].sent == c->tok[i].sent)
		return true;
	/* wave 25 (batch 108): "Vragen? Trudy, 06-…": an ask alone before */
	if (ask_alone_before(c, i, ask))
		return true;
	/* wave 25 (batch 107): "loopleider is Hamid (06-...)" */
	if (i >= 2 && c->tok[i - 2].sent == c->tok[i].sent && tok_in(c, &c->tok[i - 1], (const char *const[]){"is", NULL}) &&
	    (role_like(c, &c->tok[i - 2]) || work_word(c, &c->tok[i - 2])))
		return true;
	for (size_t b = i; b-- > 0 && b + 4 >= i && c->tok[b].sent == c->tok[i].sent;)
		if (tok_in(c, &c->tok[b], ask))
			return true;
	return false;
}

/*
 * After batch 27: a first name once named as staff stays staff through the
 * post ("onze collega Gerda Bosman gaat met pensioen. Gerda begon in
 * 1984 ..."): a later (or earlier) name with the same first word is the
 * same colleague, unless a title makes it a client ("mevrouw Bosman").
 */
static void demote_staff_again(struct ctx *c)
{
	/* the staff names' first words (at most 32: a list, not a quadratic walk) */
	enum { MAXSTAFF = 32 };
	size_t sa[MAXSTAFF], sl[MAXSTAFF], ns = 0;
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n && ns < MAXSTAFF; j++) {
		const struct scan_finding *h = &r->v[j];
		if (h->type != SCAN_NAME || h->confidence != STAFF_CONF)
			continue;
		size_t he = h->start;
		while (he < h->end && c->t[he] != ' ')
			he++;
		sa[ns] = h->start;
		sl[ns++] = he - h->start;
	}
	for (size_t i = 0; i < r->n && ns; i++) {
		struct scan_finding *x = &r->v[i];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || x->confidence >= 0.9)
			continue;
		size_t xa = x->start, xe = xa;
		while (xe < x->end && c->t[xe] != ' ')
			xe++;
		if (xe - xa < 3)
			continue;
		for (size_t j = 0; j < ns; j++)
			if (sl[j] == xe - xa && memcmp(c->t + sa[j], c->t + xa, xe - xa) == 0) {
				x->confidence = STAFF_CONF;
				break;
			}
	}
}

static void demote_after_staff(struct ctx *c, bool late)
{
	struct scan_result *r = c->out;
	for (size_t i = 0; i < r->n; i++) {
		const struct scan_finding *h = &r->v[i];
		if (h->type != SCAN_NAME || h->confidence >= SCAN_COUNT_CONF || (late && h->confidence != STAFF_CONF))
			continue;
		/* wave 12, the name before: "Annemiek en Youssef van het facilitair
		 * team" — joined by "en" or "of" to a staff name, staff too */
		if (i > 0 && r->v[i - 1].type == SCAN_NAME && r->v[i - 1].confidence >= SCAN_COUNT_CONF &&
		    h->start == r->v[i - 1].end + 4 &&
		    (!memcmp(c->t + r->v[i - 1].end, " en ", 4) || !memcmp(c->t + r->v[i - 1].end, " of ", 4))) {
			size_t a = tok_first_at(c, h->start), b = a;
			while (b + 1 < c->ntok && c->tok[b + 1].e <= h->end)
				b++;
			if (a < c->ntok && staff_context(c, a, b))
				r->v[i - 1].confidence = STAFF_CONF;
		}
		/* after batch 27: the first name a weaker rule read apart from its
		 * staff surname ("Bel Jildou de Vries op 058-…") is the same person */
		if (i > 0 && r->v[i - 1].type == SCAN_NAME && r->v[i - 1].confidence >= SCAN_COUNT_CONF &&
		    r->v[i - 1].confidence < 0.9 && r->v[i - 1].end < h->start && only_space(c, r->v[i - 1].end, h->start))
			r->v[i - 1].confidence = h->confidence;
		size_t end = h->end;
		for (size_t j = i + 1; j < r->n; j++) {
			struct scan_finding *x = &r->v[j];
			if (x->start > end + 48)
				break;
			bool touch = x->type == SCAN_NAME && only_space(c, end, x->start);
			bool contact = (x->type == SCAN_PHONE || x->type == SCAN_EMAIL) && x->start >= end;
			bool plain = true;
			for (size_t p = end; contact && plain && p < x->start; p++)
				plain = c->t[p] == ' ' || c->t[p] == ',' || c->t[p] == ':' || c->t[p] == '(';
			/* wave 8: "Annemiek Hofstra, wijkverpleegkundige team Noord, 06-…": the
			 * role between the name and the number, in the same sentence */
			bool role = false;
			if (contact && !plain && sentence_of(c, end) == sentence_of(c, x->start))
				for (size_t t = tok_first_at(c, end); t < c->ntok && c->tok[t].e <= x->start && !role; t++)
					role = role_like(c, &c->tok[t]) || (c->tok[t].flags & W_DEPT) || dept_suffix(c, &c->tok[t]);
			contact = contact && (plain || role);
			if (!touch && !contact)
				continue;
			/* after batch 27: a mobile right after a contact person ("Reageren kan
			 * bij teamcoach Marieke Tjoonk, 06-…", "Info bij Wim Janssens, 06-…")
			 * is the work line they were named for */
			if (contact && plain && x->confidence >= 0.9)
				role = contact_named(c, h->start);
			if (x->start > end + 3 && !role)
				break;
			if (x->confidence >= SCAN_COUNT_CONF && (x->confidence < 0.9 || role))
				x->confidence = 0.4;
			end = x->end;
		}
	}
}

/* Marks the tokens that findings of type `type` (of the first n) cover, so
 * the caller's look-ups cost one read of each span instead of a walk over
 * all findings per token (spans of one type barely overlap). */
static unsigned char *tok_cover(const struct ctx *c, size_t n, enum scan_type type)
{
	unsigned char *cov = xcalloc(c->ntok ? c->ntok : 1, 1);
	for (size_t j = 0; j < n; j++) {
		const struct scan_finding *x = &c->out->v[j];
		if (x->type != type)
			continue;
		for (size_t t = tok_first_at(c, x->start); t < c->ntok && c->tok[t].s < x->end; t++)
			cov[t] = 1;
	}
	return cov;
}

/* The passes after the health model add a finding at token t unless one of
 * its type among the findings [0, n0) covers t; *cov is made on first use
 * (tok_cover) and marks t as taken. */
static void add_uncovered(struct ctx *c, unsigned char **cov, size_t n0, enum scan_type type, size_t t, size_t s,
                          size_t e, double conf)
{
	if (!*cov)
		*cov = tok_cover(c, n0, type);
	if (!(*cov)[t]) {
		(*cov)[t] = 1;
		add_finding(c, type, s, e, conf);
	}
}

/* After batch 46: the name of "Bram (6) mocht vandaag naar huis", whose age
 * scan_ages took; added after the health model so its rows stay as they were. */
static void scan_bracket_names(struct ctx *c)
{
	size_t n0 = c->out->n;
	unsigned char *named = NULL;
	for (size_t j = 0; j < n0; j++) {
		const struct scan_finding *x = &c->out->v[j];
		if (x->type != SCAN_DATE_OF_BIRTH || x->confidence < SCAN_COUNT_CONF || x->start == 0 ||
		    c->t[x->start - 1] != '(')
			continue;
		size_t t = bracket_name(c, x->start - 1);
		if (t >= c->ntok)
			continue;
		add_uncovered(c, &named, n0, SCAN_NAME, t, c->tok[t].s, c->tok[t].e, 0.6);
	}
	free(named);
}

/* After batch 48: the writer's own lower-case name of "ik ben shanice, 13",
 * whose age scan_ages took (self_intro_name); after the health model, as
 * scan_bracket_names. */
static void scan_self_names(struct ctx *c)
{
	size_t n0 = c->out->n;
	for (size_t j = 0; j < n0; j++) {
		const struct scan_finding *x = &c->out->v[j];
		size_t p = x->start;
		while (p > 0 && c->t[p - 1] == ' ')
			p--;
		if (x->type != SCAN_DATE_OF_BIRTH || x->confidence < SCAN_COUNT_CONF || p == 0 || c->t[p - 1] != ',')
			continue;
		size_t t = self_intro_name(c, p - 1);
		if (t < c->ntok)
			add_finding(c, SCAN_NAME, c->tok[t].s, c->tok[t].e, 0.6);
	}
}

/*
 * After batch 51: "een gastgezin voor Amira (15) uit Syrië", "ik ben
 * Tesfay, 19 jaar": a name the name model made a hint, right before an age
 * in brackets or between commas — the age says it is a person.  Both the
 * age and the name (raised to 0.6) after the health model, outside its rows.
 */
static void scan_aged_hints(struct ctx *c)
{
	size_t n0 = c->out->n;
	for (size_t k = 0; k < n0; k++) {
		struct scan_finding *x = &c->out->v[k];
		size_t p = x->end;
		if (x->type != SCAN_NAME || x->confidence != 0.4)
			continue;
		while (p < c->len && c->t[p] == ' ' && p - x->end < 2)
			p++;
		if (p + 2 >= c->len || (c->t[p] != '(' && c->t[p] != ','))
			continue;
		char open = c->t[p++];
		while (p < c->len && c->t[p] == ' ' && open == ',')
			p++;
		size_t j = p, v = 0;
		while (p < c->len && digit_at(c, p) && p - j < 3)
			v = v * 10 + (size_t)(c->t[p++] - '0');
		if (p == j || v == 0 || v > 120 || (p < c->len && digit_at(c, p)))
			continue;
		size_t e = p;
		char w[8];
		size_t we;
		if (open == '(' ? !(p < c->len && (c->t[p] == ')' || c->t[p] == ',')) :
		                  !((p < c->len && strchr(",.!", c->t[p])) ||
		                    (word_after(c, p, w, sizeof w, &we) && !strcmp(w, "jaar") && (e = we))))
			continue;
		/* "Jan-Peter Mulder, 25 jaar onze huismeester": years of service; an
		 * age ends there or goes on with "en", "oud" */
		if (e > p) {
			size_t q = e;
			while (q < c->len && c->t[q] == ' ')
				q++;
			if (q < c->len && !strchr(",.!?)", c->t[q]) &&
			    !(word_after(c, e, w, sizeof w, NULL) && (!strcmp(w, "en") || !strcmp(w, "oud"))))
				continue;
		}
		if (!aged_hint(c, x, x->end))
			continue;
		bool dob = false;
		for (size_t f = 0; f < n0 && !dob; f++)
			dob = c->out->v[f].type == SCAN_DATE_OF_BIRTH && c->out->v[f].start < e && c->out->v[f].end > j;
		if (!dob)
			add_finding(c, SCAN_DATE_OF_BIRTH, j, e, 0.7);
		c->out->v[k].confidence = 0.6; /* (add_finding may have moved the array) */
	}
}

/*
 * After batch 50 and 52: a room written as a handover shortens it, "k. 108",
 * "k12", "k08", "(k. 3.12, afd. Lindehof)": 'k' alone, an optional full
 * stop, the number (a letter a-d after it).  A client's only in a sentence
 * with a person or health in it ("Vincent k12 sat 88%", "mw. Ö. Demir k08
 * pijnscore 8"); after the health model, outside its rows.
 */
static void scan_short_rooms(struct ctx *c)
{
	size_t n0 = c->out->n;
	/* (two memchr passes, 'k' and 'K': a byte loop cost 3 % of a typical scan) */
	for (int pass = 0; pass < 2; pass++)
	for (const char *q = c->t, *end = c->t + c->len; q < end && (q = memchr(q, pass ? 'K' : 'k', (size_t)(end - q))); q++) {
		size_t i = (size_t)(q - c->t);
		if (i + 1 >= c->len || (i > 0 && (is_letter_byte(c->t, i - 1, c->len) || digit_at(c, i - 1) ||
		                                  c->t[i - 1] == '\'' || c->t[i - 1] == '-')))
			continue;
		size_t p = i + 1;
		if (p < c->len && c->t[p] == '.')
			p++;
		if (p < c->len && c->t[p] == ' ' && p > i + 1)
			p++;
		size_t d = p;
		while (p < c->len && digit_at(c, p) && p - d < 4)
			p++;
		if (p == d || (p < c->len && digit_at(c, p)))
			continue;
		if (p + 2 < c->len && c->t[p] == '.' && digit_at(c, p + 1) && digit_at(c, p + 2) && p - d <= 2)
			p += 3;
		if (p < c->len && c->t[p] >= 'a' && c->t[p] <= 'd')
			p++;
		if (p < c->len && (is_letter_byte(c->t, p, c->len) || digit_at(c, p) ||
		                   (c->t[p] == '.' && p + 1 < c->len && digit_at(c, p + 1))))
			continue;
		size_t s = sentence_of(c, i);
		bool person = false, taken = false;
		for (size_t f = 0; f < n0; f++) {
			const struct scan_finding *x = &c->out->v[f];
			taken |= x->start < p && x->end > i;
			person |= (x->type == SCAN_NAME || x->type == SCAN_HEALTH) && x->confidence >= SCAN_COUNT_CONF &&
			          sentence_of(c, x->start) == s;
		}
		for (size_t t = tok_first_at(c, c->sent_at[s]); t < c->ntok && c->tok[t].sent == s && !person; t++)
			person = (c->tok[t].flags & W_TITLE) && !(c->tok[t].flags & W_ROLE);
		if (person && !taken)
			add_finding(c, SCAN_ROOM, i, p, 0.75);
		q = c->t + p - 1;
	}
}

/*
 * Wave 27 (batch 116): what a wristband or a label prints on one line —
 * "KOÇ, AYŞE · 17-08-1989 · P 802 114 37", "BABY VAN SOMEREN, 05-12-2026
 * 13:22, M, 0081 7741", "DAAN DE WIT 14-03-2015" — in a text that speaks of
 * a band, label or sticker: the name in capitals right before a full date,
 * the date (and its time: a newborn's) as the date of birth, and the number
 * after it as the patient's.  After the models (they never read these).
 */
static const char *const band_heads[] = {"baby", "mw", "mevr", "dhr", "naam", "name", "patiënt", "patient", NULL};

/* The capitals word ending at e (letters, '-', '\''; no lower-case ASCII
 * letter, no lower-case Latin-1 letter); its start, or e. */
static size_t caps_word_before(const struct ctx *c, size_t e)
{
	size_t s = e;
	bool upper = false;
	while (s > 0 && (is_letter_byte(c->t, s - 1, c->len) || c->t[s - 1] == '-' || c->t[s - 1] == '\'')) {
		unsigned char ch = (unsigned char)c->t[s - 1];
		if (ch >= 'a' && ch <= 'z')
			return e;
		/* UTF-8 Latin-1 lower case: 0xC3 0xA0-0xBF */
		if (ch >= 0xA0 && ch <= 0xBF && s >= 2 && (unsigned char)c->t[s - 2] == 0xC3)
			return e;
		upper |= ch >= 'A' && ch <= 'Z';
		s--;
	}
	while (s < e && c->t[s] == '\'') /* an opening quote */
		s++;
	return upper && e - s >= 2 ? s : e;
}

static bool band_sep(const struct ctx *c, size_t p)
{
	return c->t[p] == ' ' || c->t[p] == ',' || c->t[p] == ':' || c->t[p] == '|' || c->t[p] == '\'' ||
	       c->t[p] == '"' || c->t[p] == ';';
}

/* Past the separators at p (spaces, commas, '·' and the like); at most 6 bytes. */
static size_t band_skip(const struct ctx *c, size_t p)
{
	size_t q = p;
	while (q < c->len && q - p < 6) {
		if (band_sep(c, q))
			q++;
		else if (q + 1 < c->len && (unsigned char)c->t[q] == 0xC2 && (unsigned char)c->t[q + 1] == 0xB7)
			q += 2;
		else
			break;
	}
	return q;
}

static void scan_wristbands(struct ctx *c)
{
	/* (a full date first: most texts have none, and the words are read only then) */
	int band = -1; /* the words read once, when a date has a name in capitals before it */
	for (size_t d = 0; d < c->ndates; d++) {
		size_t s = c->dates[d].s, e = c->dates[d].e;
		size_t digits = 0;
		for (size_t p = s; p < e; p++)
			digits += digit_at(c, p);
		if (digits < 6 || (s > 0 && digit_at(c, s - 1)))
			continue;
		/* the name: two to four capitals nwords before the date, one comma
		 * among them at most ("KOÇ, AYŞE") */
		size_t p = s, nwords = 0, ns = s, ne = 0, commas = 0;
		while (p > 0 && (c->t[p - 1] == ' ' || c->t[p - 1] == '\'' || c->t[p - 1] == ':' || c->t[p - 1] == ',' ||
		                 (p >= 2 && (unsigned char)c->t[p - 2] == 0xC2 && (unsigned char)c->t[p - 1] == 0xB7)))
			p -= (unsigned char)c->t[p - 1] == 0xB7 ? 2 : 1;
		ne = p;
		while (nwords < 4) {
			size_t ws = caps_word_before(c, p);
			if (ws == p)
				break;
			char w[16];
			size_t n = p - ws;
			if (n < sizeof w) {
				memcpy(w, c->lt + ws, n);
				w[n] = '\0';
				if (in_list(w, band_heads))
					break;
			}
			if (lookup(c->t + ws, n) & (W_ORG | W_MED | W_DEPT | W_ROLE))
				break;
			ns = ws;
			nwords++;
			p = ws;
			if (p >= 2 && c->t[p - 1] == ' ' && c->t[p - 2] == ',' && !commas) {
				commas++;
				p -= 2;
			} else if (p >= 1 && c->t[p - 1] == ' ') {
				p--;
			} else {
				break;
			}
		}
		if (nwords < 2)
			continue;
		if (band < 0)
			band = memmem(c->t, c->len, "band", 4) || memmem(c->t, c->len, "label", 5) ||
			       memmem(c->t, c->len, "etiket", 6) || memmem(c->t, c->len, "sticker", 7);
		if (!band)
			return;
		add_finding(c, SCAN_NAME, ns, ne, 0.8);
		/* the date with the time of a birth after it ("05-12-2026 13:22") */
		size_t de = e;
		if (de + 5 < c->len && c->t[de] == ' ' && digit_at(c, de + 1)) {
			size_t q = de + 1;
			while (q < c->len && digit_at(c, q) && q - de <= 2)
				q++;
			if (q + 2 < c->len && (c->t[q] == ':' || c->t[q] == '.') && digit_at(c, q + 1) && digit_at(c, q + 2) &&
			    !digit_at(c, q + 3))
				de = q + 3;
		}
		add_finding(c, SCAN_DATE_OF_BIRTH, s, de, 0.85);
		/* the number after it: a sex between ("M,"), a prefix of up to three
		 * capitals, then groups of digits, six to twelve in all */
		size_t q = band_skip(c, de);
		if (q + 1 < c->len && (c->t[q] == 'M' || c->t[q] == 'V' || c->t[q] == 'F' || c->t[q] == 'X') &&
		    band_sep(c, q + 1))
			q = band_skip(c, q + 1);
		size_t ps = q;
		while (q < c->len && c->t[q] >= 'A' && c->t[q] <= 'Z' && q - ps < 3)
			q++;
		if (q > ps && q < c->len && (c->t[q] == ' ' || c->t[q] == '-'))
			q++;
		size_t nd = 0, last = q;
		while (q < c->len) {
			if (digit_at(c, q)) {
				nd++;
				last = ++q;
			} else if ((c->t[q] == ' ' || c->t[q] == '-') && q + 1 < c->len && digit_at(c, q + 1) && nd) {
				q++;
			} else {
				break;
			}
		}
		if (nd >= 6 && nd <= 12 && (last >= c->len || !is_letter_byte(c->t, last, c->len)))
			add_finding(c, SCAN_PATIENT_NUMBER, ps, last, 0.8);
	}
}

/*
 * Wave 27 (batch 116): a birth as its announcement tells it — "Jaylano, 4
 * december, 3650 gram": a date with a weight in grams after it (the hour
 * may stand between) is the day of a birth, and a capitalised word right
 * before it the baby's name.
 */
static void scan_birth_weights(struct ctx *c)
{
	for (size_t di = 0; di < c->ndates; di++) {
		size_t s = c->dates[di].s, e = c->dates[di].e;
		size_t q = e;
		while (q < c->len && (c->t[q] == ' ' || c->t[q] == ',') && q - e < 3)
			q++;
		/* round 21 (batch 141): the hour between, "op zo 8 nov om 06.14,
		 * 3260 gram", "2 december om 04.17 uur, 3280 gram" */
		if (q + 3 < c->len && !memcmp(c->lt + q, "om ", 3)) {
			size_t h = q + 3, h0 = h;
			while (h < c->len && (digit_at(c, h) || ((c->t[h] == '.' || c->t[h] == ':') && h > h0)) && h - h0 < 5)
				h++;
			if (h - h0 >= 4 && digit_at(c, h - 1)) {
				if (h + 4 <= c->len && !memcmp(c->lt + h, " uur", 4))
					h += 4;
				while (h < c->len && (c->t[h] == ' ' || c->t[h] == ',') && h - q < 16)
					h++;
				q = h;
			}
		}
		size_t d = q;
		while (q < c->len && (digit_at(c, q) || (c->t[q] == '.' && q > d)) && q - d < 5)
			q++;
		unsigned g = 0;
		for (size_t p = d; p < q; p++)
			if (digit_at(c, p))
				g = g * 10 + (unsigned)(c->t[p] - '0');
		char w[8];
		if (q == d || g < 400 || g > 6500 || !word_after(c, q, w, sizeof w, NULL) ||
		    (strcmp(w, "gram") && strcmp(w, "gr") && strcmp(w, "g")))
			continue;
		add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.8);
		size_t p = s;
		while (p > 0 && c->t[p - 1] == ' ')
			p--;
		if (p == 0 || c->t[p - 1] != ',')
			continue;
		size_t t = tok_first_at(c, p - 1);
		if (t == 0 || t > c->ntok)
			continue;
		const struct tok *nm = &c->tok[t - 1];
		if (nm->e + 1 == p && nm->cap && !nm->acronym &&
		    !(nm->flags & (W_ROLE | W_MED | W_TITLE | W_NONAME | W_ORG | W_DEPT | W_FAMILY | W_GREET | W_PRONOUN)) &&
		    (!(nm->flags & W_LEX) || (nm->flags & W_FIRST)))
			add_finding(c, SCAN_NAME, nm->s, nm->e, 0.75);
	}
}

/*
 * Wave 27 (batch 116): the places a patient lies that the room labels lack —
 * "verloskamer 3", "kraamkamer 6", "couveuse 4", "behandelstoel 2": the word
 * and its number (a ward, a waiting room or a consulting room stays no room).
 */
static const char *const care_rooms[] = {"verloskamer", "kraamkamer", "bevalkamer", "isoleerkamer", "isolatiekamer",
	"traumakamer", "shockroom", "couveuse", "isolette", "behandelstoel", "dialysestoel", "chemostoel",
	"infuusstoel", "verloskamers", NULL};
static struct wset care_room_set = WSET(care_rooms);

static void care_room_at(struct ctx *c, size_t t)
{
	const struct tok *k = &c->tok[t];
	/* (a number after it first) */
	if (k->e - k->s < 8 || k->e + 1 >= c->len ||
	    !(digit_at(c, k->e + 1) || (c->t[k->e + 1] == ' ' && digit_at(c, k->e + 2))) ||
	    !tok_in_set(c, k, &care_room_set))
		return;
	size_t p = k->e;
	while (p < c->len && c->t[p] == ' ' && p - k->e < 2)
		p++;
	size_t d = p;
	while (p < c->len && digit_at(c, p) && p - d < 3)
		p++;
	if (p == d || (p < c->len && digit_at(c, p)))
		return;
	if (p < c->len && c->t[p] >= 'a' && c->t[p] <= 'd' && !(p + 1 < c->len && is_letter_byte(c->t, p + 1, c->len)))
		p++;
	if (p < c->len && (is_letter_byte(c->t, p, c->len) || (c->t[p] == '.' && digit_at(c, p + 1)) ||
	                   c->t[p] == ':' || c->t[p] == '%'))
		return;
	/* "Verloskamer 3 wordt vrijdag gebruikt voor de skills-training": a
	 * room for a meeting or a course, as the room labels' */
	add_finding(c, SCAN_ROOM, k->s, p, sentence_has(c, k->sent, meeting_ctx) ? 0.4 : 0.75);
}

/*
 * Wave 27 (batch 116): a study's or a registration's number for a person —
 * "mijn studienummer is AP-2026-0318", "geregistreerd als Onbekend Man 4
 * onder SEH-26-018734": a code of capitals and digits (five digits or more)
 * after the label, within four words.
 */
/* (tok_in reads no word of 16 bytes or more: "deelnemersnummer" and
 * "onderzoeksnummer" are not here for that reason) */
static const char *const study_labels[] = {"studienummer", "studienr", "deelnemersnr", "trialnummer",
	"geregistreerd", "ingeschreven", NULL};

static void scan_study_numbers(struct ctx *c)
{
	for (size_t t = 0; t < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		size_t kn = k->e - k->s;
		/* (by the ending first: "-nummer", "-nr", "geregistreerd", "ingeschreven") */
		char last = (char)(c->t[k->e - 1] | 0x20);
		if (kn < 8 || (last != 'r' && last != 'd' && last != 'n') ||
		    !(ends_with_ascii(c->t + k->s, kn, "nr", 2) || ends_with_ascii(c->t + k->s, kn, "nummer", 6) ||
		      ends_with_ascii(c->t + k->s, kn, "eerd", 4) || ends_with_ascii(c->t + k->s, kn, "even", 4)) ||
		    !tok_in(c, k, study_labels))
			continue;
		size_t p = k->e;
		/* "geregistreerd", "ingeschreven": the code after "onder" */
		if (tok_in(c, k, (const char *const[]){"geregistreerd", "ingeschreven", NULL})) {
			size_t u = t + 1;
			while (u < c->ntok && u <= t + 8 && c->tok[u].sent == k->sent &&
			       !tok_in(c, &c->tok[u], (const char *const[]){"onder", NULL}))
				u++;
			if (u >= c->ntok || u > t + 8 || c->tok[u].sent != k->sent)
				continue;
			p = c->tok[u].e;
		}
		while (p < c->len && (c->t[p] == ' ' || c->t[p] == ':'))
			p++;
		if (p + 2 < c->len && !strncmp(c->t + p, "is", 2) && c->t[p + 2] == ' ')
			p += 3;
		size_t s = p, nd = 0, caps = 0;
		while (p < c->len && ((c->t[p] >= 'A' && c->t[p] <= 'Z') || digit_at(c, p) ||
		                      ((c->t[p] == '-' || c->t[p] == '/') && p + 1 < c->len &&
		                       (digit_at(c, p + 1) || (c->t[p + 1] >= 'A' && c->t[p + 1] <= 'Z'))))) {
			nd += digit_at(c, p);
			caps += c->t[p] >= 'A' && c->t[p] <= 'Z';
			p++;
		}
		if (nd >= 5 && caps <= 4 && (p >= c->len || !is_letter_byte(c->t, p, c->len)))
			add_finding(c, SCAN_PATIENT_NUMBER, s, p, 0.8);
	}
}

/*
 * Wave 27 (batch 117): a person's number under the labels home care, the
 * alarm services and the pharmacy use — "mevr. Kaya (ECD 1184-302)",
 * "abonnee AL-77 0413", "Alarmnummer PA 66-0917", "(kl.nr 40-118 7)", "pat
 * H-008214", "Klant K-33918", "Kenmerk REC/2026/88135, herhaalrecept dhr.
 * Fernandes": capitals, digits (five or more; four after a letter prefix)
 * in groups split by one space, '-' or '/', after the label.  "kenmerk"
 * (a letter's reference too) and "zaaknummer" (wave 28) only with a person
 * in the sentence.
 */
static const char *const code_labels[] = {"ecd", "abonnee", "abonneenummer", "abonneenr", "alarmnummer", "alarmnr",
	"alarmcode", "kl", "klnr", "pat", "pt", "klant", "klantnr", "klantnummer", "kenmerk", "cliëntnr", "clientnr",
	"cliëntnummer", "clientnummer", "zorgnummer", "dossiernr", "dossiernummer", "zaaknummer", "zaaknr",
	/* wave 29 (batch 121): "Onze referentie ZH-45-22019 — Bogdan Nowak",
	 * "Reg.nr. CL 0047 2281 — Aïcha ...", "Beschikking jeugdhulp nr.
	 * 2026-JW-004417 ... Voor Finn (10)" (each with a person near) */
	"referentie", "ref", "reg", "regnr", "registratienummer", "nr", NULL};

/* The labels of codes that are someone's only with a person near. */
static const char *const code_labels_near[] = {"kenmerk", "zaaknummer", "zaaknr", "referentie", "ref", "reg", "regnr",
	"registratienummer", "nr", NULL};

/* The end of a person's code starting at p, or p. */
static size_t person_code_end(const struct ctx *c, size_t p)
{
	size_t q = p, nd = 0, caps = 0, lead = 0;
	while (q < c->len && c->t[q] >= 'A' && c->t[q] <= 'Z' && q - p < 4)
		q++;
	lead = q - p;
	if (lead && q < c->len && (c->t[q] == '-' || c->t[q] == ' ' || c->t[q] == '/') && digit_at(c, q + 1))
		q++;
	size_t last = p;
	while (q < c->len) {
		if (digit_at(c, q)) {
			nd++;
			last = ++q;
		} else if (c->t[q] >= 'A' && c->t[q] <= 'Z' && nd) {
			caps++;
			last = ++q;
		} else if ((c->t[q] == ' ' || c->t[q] == '-' || c->t[q] == '/') && q + 1 < c->len && digit_at(c, q + 1) &&
		           nd && nd < 14) {
			q++;
		} else if ((c->t[q] == '-' || c->t[q] == '/') && q + 1 < c->len && c->t[q + 1] >= 'A' && c->t[q + 1] <= 'Z' &&
		           nd) {
			q++;
		} else {
			break;
		}
	}
	if (nd < (lead ? 4u : 5u) || nd > 14 || caps > 4 || (last < c->len && is_letter_byte(c->t, last, c->len)))
		return p;
	/* no date, time or amount: "14-06-1961", "12.30" */
	if (!lead && last - p == 10 && c->t[p + 2] == '-' && c->t[p + 5] == '-')
		return p;
	return last;
}

static void labelled_code_at(struct ctx *c, size_t t, size_t n0)
{
	const struct tok *k = &c->tok[t];
	size_t kn = k->e - k->s;
	/* (the labels' first letters before the list) */
	unsigned char f0 = (unsigned char)c->t[k->s] | 0x20;
	if (kn < 2 || kn > 17 || !(f0 == 'e' || f0 == 'a' || f0 == 'k' || f0 == 'p' || f0 == 'c' || f0 == 'z' || f0 == 'd' ||
	                           f0 == 'r' || f0 == 'n'))
		return;
	size_t p = k->e;
	/* "kl.nr", "Kl.nr.", "ECD:", "nr", "nummer", "is" (the code's first
	 * byte before the label's words: most words have none after them) */
	if (p + 3 <= c->len && c->t[p] == '.' && !memcmp(c->lt + p + 1, "nr", 2))
		p += 3;
	while (p < c->len && (c->t[p] == '.' || c->t[p] == ':' || c->t[p] == ' ' || c->t[p] == '#'))
		p++;
	if (p + 3 < c->len && c->t[p] == 'i' && c->t[p + 1] == 's' && c->t[p + 2] == ' ')
		p += 3;
	if (p >= c->len || !(digit_at(c, p) || (c->t[p] >= 'A' && c->t[p] <= 'Z')) || !tok_in(c, k, code_labels))
		return;
	size_t e = person_code_end(c, p);
	if (e == p)
		return;
	bool taken = false;
	for (size_t f = 0; f < n0 && !taken; f++)
		taken = c->out->v[f].start < e && c->out->v[f].end > p && c->out->v[f].type != SCAN_NAME;
	if (taken)
		return;
	/* (wave 28: a municipality's case number, "zaaknummer Z/26/143772", the same) */
	if (tok_in(c, k, code_labels_near)) {
		/* "nr" only after a care decision's words ("Beschikking jeugdhulp nr.") */
		if (kn == 2) {
			bool care = false;
			for (size_t u = t; u-- > 0 && u + 4 > t && c->tok[u].sent == k->sent && !care;)
				care = tok_in(c, &c->tok[u], (const char *const[]){"beschikking", "indicatie", "jeugdhulp", "wmo",
				                                                  "dossier", "cliënt", "client", "patiënt",
				                                                  "patient", "zaak", "melding", NULL});
			if (!care)
				return;
		}
		/* the person in the label's sentence or in the next one ("Zaaknr.
		 * VT-552190. Melding Veilig Thuis: vader Erwin Schouten, ...") */
		size_t s1 = sentence_of(c, p); /* ("Zaaknr." may end a sentence for the splitter) */
		size_t s2 = s1 + 1 < c->nsent ? s1 + 1 : s1;
		size_t b2 = s2 + 1 < c->nsent ? c->sent_at[s2 + 1] : c->len;
		bool near = person_near_as(c, n0, k->s, true);
		for (size_t f = 0; f < n0 && !near; f++)
			near = c->out->v[f].type == SCAN_NAME && c->out->v[f].confidence >= SCAN_COUNT_CONF &&
			       c->out->v[f].start >= e && c->out->v[f].start < b2;
		if (!near)
			return;
		/* (not an invoice's or an order's reference: "factuur", "order" near) */
		if (tok_in(c, k, (const char *const[]){"referentie", "ref", NULL}) &&
		    window_has(c, back(k->s, 80), e, (const char *const[]){"factuur", "order", "bestel", "betaling",
		                                                          "betalen", "betaal", "vermelding", "klacht",
		                                                          "overschrijving", "€", NULL}))
			return;
	}
	add_finding(c, SCAN_PATIENT_NUMBER, p, e, 0.8);
}

/*
 * Wave 27 (batch 117): streets of one word the street endings miss — "woont
 * op Terp 7", "(Dorp 12, Heinkenszand)", "vanaf Brink 14 in Nieuw-Vennep",
 * "Hij woont op Veld 22": the word, capitalised, its number, and a reason
 * to read it as an address (living there, a place after it, the bracket).
 */
static const char *const plain_streets[] = {"dorp", "terp", "brink", "veld", "markt", "plein", "dijk", "kade",
	"wal", "singel", "gracht", "vaart", "steeg", "haven", "esch", "erf", "hoven", "heuvel", "molen", "kerkpad", "zand", "weide",
	"buurt", "dreef", "hof", "ring", "kamp", "akker", "laar", "loo", "dries", "meent", "wierde", NULL};

/* Wave 28 (batch 120): what a capitalised word and a number are when they
 * are no street ("Kamer 12", "Dag 41", "Bus 4", "Groep 7"): never read as
 * one, however strong the reason around them. */
static const char *const not_streets[] = {"kamer", "dag", "week", "maand", "jaar", "uur", "bus", "lijn", "groep",
	"box", "bed", "zaal", "hoofdstuk", "stap", "fase", "ronde", "versie", "type", "klas", "route", "afdeling",
	"unit", "blok", "vak", "poort", "pagina", "artikel", "nummer", "bijlage", "spoor", "perron", "tafel", "plek",
	"team", "locatie", "gebouw", "verdieping", "etage", "sectie", "kanaal", "seizoen", "aflevering", "editie",
	"deel", "les", "module", "niveau", "zone", "trein", "tram", "studio", "appartement", "app", "vleugel",
	"paviljoen", "cel", "bank", "stoel", "hal", "loket", "balie", "kast", "kluis", "code", "pin", "tel", "fax",
	"huisnummer", "postbus", "covid", "windows", "iphone", "samsung", NULL};

/* The word before token t (in its sentence) says someone lives at t: "woont
 * op", "woon aan"; or a family word (and a first name) stands just before
 * "op" ("mijn buurman henk op Hazelaar 17"); or it follows "fam. Soekhlal,". */
static bool lives_before(struct ctx *c, size_t t)
{
	const struct tok *k = &c->tok[t], *b = &c->tok[t - 1];
	if (b->sent != k->sent)
		return false;
	if (tok_in(c, b, (const char *const[]){"op", "aan", NULL})) {
		if (t < 2 || c->tok[t - 2].sent != k->sent)
			return false;
		/* (not "verhuisd naar": organisations move too) */
		const struct tok *v = &c->tok[t - 2];
		if (tok_in(c, v, (const char *const[]){"woont", "woonde", "wonen", "woon", "adres", NULL}))
			return true;
		if (!tok_in(c, b, (const char *const[]){"op", NULL}))
			return false;
		/* "mijn oma op", "buurman henk op": a family word, or one and a
		 * first name, just before (not "mijn dochter zit op Judo 2") */
		if (v->flags & W_FAMILY)
			return true;
		/* wave 29 (batch 121): "De sleutel ligt bij mij op Meidoorn 27" */
		if (t >= 3 && c->tok[t - 3].sent == k->sent && tok_in(c, &c->tok[t - 3], (const char *const[]){"bij", NULL}) &&
		    tok_in(c, v, (const char *const[]){"mij", "ons", "hem", "haar", "hen", "hun", NULL}))
			return true;
		return t >= 3 && c->tok[t - 3].sent == k->sent && (c->tok[t - 3].flags & W_FAMILY) &&
		       (v->flags & W_FIRST);
	}
	/* wave 29 (batch 121): where someone is sent something ("een kaartje
	 * sturen naar Dahlia 4"), with a person in the sentence */
	if (tok_in(c, b, (const char *const[]){"naar", NULL}) && t >= 2) {
		for (size_t v = t - 2; v + 4 > t && c->tok[v].sent == k->sent; v--) {
			if (tok_in(c, &c->tok[v], (const char *const[]){"sturen", "stuur", "stuurt", "stuurden",
			                                               "brengen", "breng", "bezorgen", "bezorg", NULL})) {
				/* (or a counted name in the text: "... sturen naar
				 * Dahlia 4? Haar moeder ...", "Zainab (19) ...") */
				return person_near_as(c, c->out->n, k->s, true) || counted_in(c->out, c->out->n, SCAN_NAME);
			}
			if (v == 0)
				break;
		}
		return false;
	}
	/* wave 29: a person's own street after "van" ("Rahul van Gracht 88
	 * vergeet ..."): a counted name ends just before it */
	if (tok_in(c, b, (const char *const[]){"van", NULL}) && t >= 2 && c->tok[t - 2].sent == k->sent) {
		for (size_t f = 0; f < c->out->n; f++)
			if (c->out->v[f].type == SCAN_NAME && c->out->v[f].end == c->tok[t - 2].e &&
			    c->out->v[f].confidence >= SCAN_COUNT_CONF)
				return true;
		return false;
	}
	/* "fam. Soekhlal, Boterdiep 54": a comma, a name, "fam." or "familie" */
	size_t q = b->e;
	while (q < k->s && c->t[q] == ' ')
		q++;
	if (q >= k->s || c->t[q] != ',' || t < 2)
		return false;
	const struct tok *f = &c->tok[t - 2];
	/* ("fam." may end a sentence for the splitter) */
	if ((f->sent == k->sent || (f->e < c->len && c->t[f->e] == '.' && f->sent + 1 == k->sent)) && b->cap &&
	    tok_in(c, f, (const char *const[]){"fam", "familie", NULL}))
		return true;
	/* wave 29 (batch 121): a handover's list, "dhr. Van Leeuwen, Esdoorn
	 * 31, wond ...", "Wim de Jager, Veld 3, Sint-Oedenrode": a counted name
	 * with a title or of two words or more ends before the comma */
	for (size_t g = 0; g < c->out->n; g++) {
		const struct scan_finding *x = &c->out->v[g];
		if (x->type == SCAN_NAME && x->end == b->e && x->confidence >= SCAN_COUNT_CONF &&
		    memchr(c->t + x->start, ' ', x->end - x->start))
			return true;
	}
	return false;
}

static void plain_street_at(struct ctx *c, size_t t)
{
	const struct tok *k = &c->tok[t];
	size_t p = k->e;
	if (t == 0 || !k->cap || p >= c->len || c->t[p] != ' ' || !digit_at(c, p + 1))
		return;
	bool listed = k->e - k->s <= 8 && tok_in(c, k, plain_streets);
	/* wave 28: any one word, with a strong reason (lives_before) */
	bool any = !listed && k->e - k->s >= 3 && k->e - k->s <= 20 && !tok_in(c, k, not_streets) && lives_before(c, t);
	if (!listed && !any)
		return;
	/* (a listed word with such a reason: as strong) */
	bool strong = any || (listed && lives_before(c, t));
	size_t d = ++p;
	while (p < c->len && digit_at(c, p) && p - d < 4)
		p++;
	if (p - d > 3 || (p < c->len && digit_at(c, p)))
		return;
	if (p < c->len && c->t[p] >= 'a' && c->t[p] <= 'z' && !(p + 1 < c->len && is_letter_byte(c->t, p + 1, c->len)))
		p++;
	if (p < c->len && (is_letter_byte(c->t, p, c->len) ||
	                   /* (wave 29: "fam. Reijnders, Heuvel 5a: code ...", with a strong reason) */
	                   (c->t[p] == ':' && !(strong && p + 1 < c->len && c->t[p + 1] == ' ')) || c->t[p] == '%' ||
	                   ((c->t[p] == '.' || c->t[p] == ',' || c->t[p] == '-') && digit_at(c, p + 1))))
		return;
	const struct tok *b = &c->tok[t - 1];
	bool live = b->sent == k->sent && tok_in(c, b, (const char *const[]){"op", "aan", "vanaf", "naar", "in", NULL}) &&
	            t >= 2 && c->tok[t - 2].sent == k->sent &&
	            tok_in(c, &c->tok[t - 2], (const char *const[]){"woont", "woonde", "wonen", "woon", "vertrokken",
	                                                          "verhuisd", "verhuist", "adres", NULL});
	/* "(Dorp 12, Heinkenszand)": the bracket, the place */
	bool bracket = k->s > 0 && c->t[k->s - 1] == '(' && p + 2 < c->len && c->t[p] == ',' && c->t[p + 1] == ' ' &&
	               c->t[p + 2] >= 'A' && c->t[p + 2] <= 'Z';
	/* wave 29 (batch 121): "familie Soeleman (Vaart 19) heeft ...": the
	 * street alone in brackets, a person in the sentence */
	bracket = bracket || (listed && k->s > 0 && c->t[k->s - 1] == '(' && p < c->len && c->t[p] == ')' &&
	                      person_near_as(c, c->out->n, k->s, true));
	/* "vanaf Brink 14 in Nieuw-Vennep" with a person in the sentence */
	char w[4];
	size_t we;
	bool town = b->sent == k->sent && tok_in(c, b, (const char *const[]){"vanaf", "op", "aan", NULL}) &&
	            word_after(c, p, w, sizeof w, &we) && !strcmp(w, "in") && we + 1 < c->len &&
	            c->t[we + 1] >= 'A' && c->t[we + 1] <= 'Z' && person_near_as(c, c->out->n, k->s, true);
	/* wave 28: "bij haar thuis komen, Markt 12 in Elst": a person or a home
	 * in the sentence */
	bool comma_town = listed && !town && k->s >= 2 && c->t[k->s - 1] == ' ' && c->t[k->s - 2] == ',' &&
	                  word_after(c, p, w, sizeof w, &we) && !strcmp(w, "in") && we + 1 < c->len &&
	                  c->t[we + 1] >= 'A' && c->t[we + 1] <= 'Z' &&
	                  (person_near_as(c, c->out->n, k->s, true) ||
	                   sentence_has(c, k->sent, (const char *const[]){"thuis ", "thuis,", NULL}));
	if (strong || live || bracket || town || comma_town)
		add_finding(c, SCAN_ADDRESS, k->s, p, 0.75);
}

/* Wave 27: the words a number or a code follows (care_room_at,
 * labelled_code_at, plain_street_at), in one pass over the tokens: a
 * token is read only when a digit or a capital comes within four bytes
 * after it (spaces, '.', ':' and '#' between), as in few texts. */
static void scan_numbered_words(struct ctx *c)
{
	size_t n0 = c->out->n;
	for (size_t t = 0; t < c->ntok; t++) {
		size_t p = c->tok[t].e, q = p;
		/* (most words: a space and a lower-case letter after them) */
		if (p + 1 < c->len && c->t[p] == ' ' && c->t[p + 1] >= 'a' && c->t[p + 1] <= 'z' &&
		    !(c->t[p + 1] == 'n' || c->t[p + 1] == 'i'))
			continue;
		while (q < c->len && q - p < 4 && (c->t[q] == ' ' || c->t[q] == '.' || c->t[q] == ':' || c->t[q] == '#'))
			q++;
		/* ("kl.nr 40-118 7", "pat is H-...": the label's own tail) */
		if (q + 2 < c->len && ((c->t[q] == 'n' && c->t[q + 1] == 'r') || (c->t[q] == 'i' && c->t[q + 1] == 's')))
			q += 2;
		while (q < c->len && q - p < 6 && (c->t[q] == ' ' || c->t[q] == '.' || c->t[q] == ':'))
			q++;
		if (q >= c->len || !(digit_at(c, q) || (c->t[q] >= 'A' && c->t[q] <= 'Z')))
			continue;
		care_room_at(c, t);
		labelled_code_at(c, t, n0);
		plain_street_at(c, t);
	}
}

/* A name among the first n findings (a hint of the name model too, 0.35
 * and up; not a public figure's, a hashtag or a handle) ending at off, or
 * before it with only spaces between. */
static bool late_name_at(const struct ctx *c, size_t n, size_t off)
{
	while (off > 0 && c->t[off - 1] == ' ')
		off--;
	for (size_t f = 0; f < n; f++) {
		const struct scan_finding *x = &c->out->v[f];
		if (x->type == SCAN_NAME && x->end == off && x->confidence >= 0.3 && c->t[x->start] != '@' &&
		    c->t[x->start] != '#' && !is_public(c, x->start, x->end))
			return true;
	}
	return false;
}

/* Wave 30 (batch 125): as late_name_at, or the name and where the person
 * is from right before off ("Mo uit Zaandam (31)", "Marisol uit Venlo,
 * '96"): "uit" and one capitalised word. */
static bool late_name_from(const struct ctx *c, size_t n, size_t off)
{
	if (late_name_at(c, n, off))
		return true;
	char w[24], u[4];
	size_t ws, us;
	return word_before(c, off, w, sizeof w, &ws) && c->t[ws] >= 'A' && c->t[ws] <= 'Z' &&
	       word_before(c, ws, u, sizeof u, &us) && !strcmp(u, "uit") && late_name_at(c, n, us);
}

/* The text at q (after spaces) ends a sentence: the end, a full stop, '!',
 * '?', a line's end or an emoji. */
static bool late_age_tail(const struct ctx *c, size_t q)
{
	while (q < c->len && c->t[q] == ' ')
		q++;
	return q >= c->len || strchr(".!?\n", c->t[q]) || emoji_at(c, q);
}

/* A date of birth among the first n findings covers [s, e). */
static bool late_covered(const struct ctx *c, size_t n, size_t s, size_t e)
{
	for (size_t f = 0; f < n; f++)
		if (c->out->v[f].type == SCAN_DATE_OF_BIRTH && c->out->v[f].start <= s && c->out->v[f].end >= e)
			return true;
	return false;
}

/*
 * Wave 27 (batch 117): a full date of birth right after a name the rules
 * took for a signature or a speaker ("Groet, Jan Jansen, 12-1-1967.",
 * "Mohamed Amrani hier, 14-06-1961.", "dhr. A. Oldenkamp, 06-11-1938"): the
 * writer's or a client's own, whatever the name's weight.  A year of birth
 * (1900 to this century), two to four words of the name.
 */
static void scan_dates_after_names(struct ctx *c)
{
	size_t n0 = c->out->n;
	for (size_t d = 0; d < c->ndates; d++) {
		size_t s = c->dates[d].s, e = c->dates[d].e;
		size_t y = e >= 4 ? e - 4 : 0;
		if (e - s < 8 || !digit_at(c, y) || (c->t[y] != '1' && c->t[y] != '2') ||
		    (c->t[y] == '1' && c->t[y + 1] != '9') || (c->t[y] == '2' && c->t[y + 1] != '0') ||
		    (e < c->len && (digit_at(c, e) || c->t[e] == ':')))
			continue;
		if (late_covered(c, n0, s, e))
			continue;
		size_t p = s;
		while (p > 0 && c->t[p - 1] == ' ')
			p--;
		if (p == 0 || c->t[p - 1] != ',')
			continue;
		p--;
		char hw[8];
		size_t hs;
		if (word_before(c, p, hw, sizeof hw, &hs) && !strcmp(hw, "hier"))
			p = hs;
		if (late_name_at(c, n0, p))
			add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.75);
	}
}

/*
 * Wave 31, round 20 (batch 141): a baby's or a child's age in months, weeks
 * or days after its name, "Lilas is 7 maanden en haar hoofdomtrek ...",
 * "Hilje (7 mnd) slaapt eindelijk door": of the labelled texts' such ages
 * after a capitalised word and "is" or a bracket, 55 are ages and 17 not —
 * each of those followed by what the time measures ("is 26 weken zwanger",
 * "is 3 weken na zijn nieuwe knie", "is 6 weken geleden", "is 40 dagen
 * clean") or after a word that is no one ("Wachtlijst is 6 maanden").  So
 * the unit closes the clause or "en"/"oud" follows, and the word is a name
 * (a first name, or a capitalised word that is no everyday word); the name
 * is taken too.  After the models.
 */
static void scan_child_months(struct ctx *c)
{
	static const char *const units[] = {"maanden", "maand", "mnd", "weken", "week", "wkn", "dagen", "dag", NULL};
	size_t n0 = c->out->n;
	for (size_t t = 0; t + 1 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		if (!k->cap || k->acronym || (!(k->flags & W_FIRST) &&
		                              (k->flags & (W_LEX | W_NLFN | W_ENFN | W_NONAME | W_ORG | W_PRONOUN | W_TITLE |
		                                           W_FAMILY | W_ROLE | W_PUBLIC | W_MED))))
			continue;
		size_t p = k->e;
		bool bracket = p + 1 < c->len && c->t[p] == ' ' && c->t[p + 1] == '(';
		size_t u; /* the unit's token */
		if (bracket) {
			p += 2;
		} else {
			const struct tok *v = &c->tok[t + 1];
			if (v->sent != k->sent || !tok_in(c, v, (const char *const[]){"is", NULL}))
				continue;
			p = v->e;
			char w[8];
			size_t we;
			if (word_after(c, p, w, sizeof w, &we) &&
			    (!strcmp(w, "vandaag") || !strcmp(w, "nu") || !strcmp(w, "pas") || !strcmp(w, "bijna")))
				p = we;
			while (p < c->len && c->t[p] == ' ')
				p++;
		}
		size_t ns = p;
		while (digit_at(c, p) && p - ns < 3)
			p++;
		if (p == ns || p - ns > 2 || p >= c->len || c->t[p] != ' ')
			continue;
		u = tok_first_at(c, p);
		if (u >= c->ntok || !tok_in(c, &c->tok[u], units) || !only_space(c, p, c->tok[u].s))
			continue;
		size_t e = c->tok[u].e;
		if (bracket) {
			if (e >= c->len || c->t[e] != ')')
				continue;
		} else {
			char w[8];
			bool closes = e >= c->len || strchr(",.!?;:)\n", c->t[e]);
			if (!closes && !(word_after(c, e, w, sizeof w, NULL) && (!strcmp(w, "en") || !strcmp(w, "oud"))))
				continue;
		}
		bool named = false, aged = false;
		for (size_t j = 0; j < n0; j++) {
			const struct scan_finding *x = &c->out->v[j];
			named |= x->type == SCAN_NAME && x->start <= k->s && x->end >= k->e;
			aged |= x->type == SCAN_DATE_OF_BIRTH && x->start < e && ns < x->end;
		}
		if (!aged)
			add_finding(c, SCAN_DATE_OF_BIRTH, ns, e, 0.75);
		if (!named)
			add_finding(c, SCAN_NAME, k->s, k->e, 0.6);
	}
}

/*
 * Wave 31, round 19 (batch 140): a blood pressure read off ("Metingen week
 * 51: ma 132/84, di 129/80 ... Mijn cardioloog wil ze zien", "RR 165/95")
 * is health: of the labelled texts' readings (70-249 over 30-149), 32 lie
 * in a health span, and of the 4 that do not, 2 are a guideline's
 * ("noteer de waarden als 135/85. Vanaf 140/90 ...") and 2 in texts with
 * client data.  A reading in a text that speaks of blood pressure or
 * measuring and has a person in it (the writer, a name, a title, a family
 * word), not after a word of a threshold ("vanaf", "boven", "als", ...).
 * After the models.
 */
static void scan_bp_readings(struct ctx *c)
{
	static const char *const cues[] = {"bloeddruk", "bloeddrukken", "rr", "tensie", "meting", "metingen",
		"gemeten", "meten", "bovendruk", "onderdruk", "hypertensie", "bloeddrukmeter", NULL};
	static const char *const limits[] = {"vanaf", "boven", "onder", "als", "dan", "tot", "tussen", "maximaal",
		"minimaal", "streef", "streefwaarde", "norm", "bij", NULL};
	int cued = -1, person = -1;
	size_t n0 = c->out->n, added = 0;
	for (const char *p = memchr(c->t, '/', c->len); p && added < 32; p = memchr(p + 1, '/', c->len - (size_t)(p + 1 - c->t))) {
		size_t m = (size_t)(p - c->t), s = m, e = m + 1;
		while (s > 0 && digit_at(c, s - 1) && m - s < 4)
			s--;
		while (digit_at(c, e) && e - m < 5)
			e++;
		if (m - s < 2 || m - s > 3 || e - m - 1 < 2 || e - m - 1 > 3)
			continue;
		if ((s > 0 && (digit_at(c, s - 1) || strchr("/-.,:", c->t[s - 1]))) ||
		    (e < c->len && (digit_at(c, e) || c->t[e] == '/' || c->t[e] == '-' ||
		                    ((c->t[e] == '.' || c->t[e] == ',') && digit_at(c, e + 1)))))
			continue;
		int sys = 0, dia = 0;
		for (size_t q = s; q < m; q++)
			sys = sys * 10 + (c->t[q] - '0');
		for (size_t q = m + 1; q < e; q++)
			dia = dia * 10 + (c->t[q] - '0');
		if (sys < 70 || sys > 249 || dia < 30 || dia > 149 || sys <= dia)
			continue;
		char w[16];
		if (word_before(c, s, w, sizeof w, NULL) && in_list(w, limits))
			continue;
		bool covered = false;
		for (size_t j = 0; j < n0 && !covered; j++)
			covered = c->out->v[j].type == SCAN_HEALTH && c->out->v[j].start < e && s < c->out->v[j].end;
		if (covered)
			continue;
		if (cued < 0) {
			cued = 0;
			for (size_t t = 0; t < c->ntok && !cued; t++)
				cued = tok_in(c, &c->tok[t], cues);
		}
		if (!cued)
			return;
		if (person < 0) {
			person = writer_speaks(c);
			for (size_t j = 0; j < n0 && !person; j++)
				person = c->out->v[j].type == SCAN_NAME && c->out->v[j].confidence >= SCAN_COUNT_CONF;
			for (size_t t = 0; t < c->ntok && !person; t++)
				person = (c->tok[t].flags & (W_TITLE | W_FAMILY)) != 0;
		}
		if (!person)
			return;
		add_finding(c, SCAN_HEALTH, s, e, 0.6);
		added++;
	}
}

/*
 * Wave 31, round 18 (batch 139): a full date whose year is a year of birth,
 * with no label before it: "casus: j. tahapary, 23-7-'44, decompensatio
 * cordis".  Of the labelled texts' dates with a year from 1900 to 1979 (or
 * '20 to '79), 226 are dates of birth and 2 are not: a day in history
 * after "Op" and the placeholder 01-01-1900.  So a year 1901-1979 or
 * '20-'79, not after a word that dates an event ("op 3-4-1945", "sinds",
 * "vanaf", "tot", "tussen", ...) and not a time of day's date.
 */
static void scan_old_dates(struct ctx *c)
{
	static const char *const dating_words[] = {"op", "sinds", "vanaf", "per", "tot", "na", "voor", "in", "van",
		"tussen", "en", "t/m", "tm", "vóór", "sedert", NULL};
	size_t n0 = c->out->n;
	for (size_t d = 0; d < c->ndates; d++) {
		size_t s = c->dates[d].s, e = c->dates[d].e;
		if (e - s < 6 || (s > 0 && digit_at(c, s - 1)) || (e < c->len && (digit_at(c, e) || c->t[e] == ':')))
			continue;
		int yv = 0;
		if (c->t[e - 3] == '\'' && digit_at(c, e - 2) && digit_at(c, e - 1)) {
			yv = (c->t[e - 2] - '0') * 10 + (c->t[e - 1] - '0');
			if (yv < 20 || yv > 79)
				continue;
		} else if (e - s >= 8 && c->t[e - 4] == '1' && c->t[e - 3] == '9' && digit_at(c, e - 2) &&
		           digit_at(c, e - 1) && !digit_at(c, e - 5)) {
			yv = (c->t[e - 2] - '0') * 10 + (c->t[e - 1] - '0');
			if (yv < 1 || yv > 79)
				continue;
		} else
			continue;
		if (late_covered(c, n0, s, e))
			continue;
		char w[8];
		if (word_before(c, s, w, sizeof w, NULL) && in_list(w, dating_words))
			continue;
		add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.75);
	}
}

/*
 * Wave 30 (batch 124): ages the earlier passes leave, found after the
 * models (so their training rows stay as they were), each with a person:
 * - a birth year closing the text or a line after a name and a comma, the
 *   writer's signature: "Lenie, 1943";
 * - an age in years after a name and a comma, closing the sentence, with
 *   "jong" or "oud" or "vandaag" too: "ik ben Dinie, 86 jaar jong!",
 *   "Trots op onze Jip, vandaag 1 jaar!";
 * - two ages in one bracket after names: "Sem en Lotte Bosman (4 en 7)";
 * - an ordinal closing the sentence (or before "en") after a name's (or a
 *   family word's) "viert zijn/haar": "onze kok Harry viert zijn 65ste en
 *   gaat met pensioen!";
 * - the writer's age as a number word: "Vandaag werd ik honderd!".
 */

/* A photo's or a text's credit on the line before off ("Foto: Jan de
 * Vries, 1985", "Bron: ...", "©"): the year is the work's. */
static bool late_credit(const struct ctx *c, size_t off)
{
	size_t b = off;
	while (b > 0 && c->t[b - 1] != '\n' && off - b < 80)
		b--;
	for (size_t q = b; q + 4 <= off; q++)
		if (!memcmp(c->lt + q, "foto", 4) || !memcmp(c->lt + q, "bron", 4) ||
		    !strncmp(c->t + q, "\xC2\xA9", 2))
			return true;
	return false;
}

/* The digits at s (at most four, not more, no letter before them): their
 * end and value; s itself when there are none. */
static size_t late_digits(const struct ctx *c, size_t s, int *v)
{
	size_t e = s;
	*v = 0;
	while (e < c->len && digit_at(c, e) && e - s < 5)
		*v = *v * 10 + (c->t[e++] - '0');
	return e - s > 4 || (s > 0 && is_letter_byte(c->t, s - 1, c->len)) ? s : e;
}

/* After a comma at `comma`: "Lenie, 1943", "Dinie, 86 jaar jong!", "Jip,
 * vandaag 1 jaar!". */
static void late_comma_age(struct ctx *c, size_t n0, size_t comma)
{
	size_t s = comma + 1;
	while (s < c->len && c->t[s] == ' ')
		s++;
	char w[12], w2[8];
	size_t we, ws;
	bool adv = false;
	if (s < c->len && !digit_at(c, s) && word_after(c, comma + 1, w, sizeof w, &we) &&
	    (!strcmp(w, "vandaag") || !strcmp(w, "nu") || !strcmp(w, "bijna") || !strcmp(w, "net"))) {
		for (s = we; s < c->len && c->t[s] == ' '; s++)
			;
		adv = true;
	}
	int v;
	/* wave 31 (batch 138): an age in words between commas after a family
	 * word or a name, "mijn moeder, zesentachtig, moet ...", "Ons pa,
	 * achtentachtig, is vanochtend geopereerd" (also "zes-en-tachtig") */
	if (!adv && s < c->len && !digit_at(c, s)) {
		char nw[32];
		size_t ne = s, nn = 0;
		while (ne < c->len && (is_letter_byte(c->t, ne, c->len) || c->t[ne] == '-') && nn + 1 < sizeof nw) {
			if (c->t[ne] != '-')
				nw[nn++] = c->lt[ne];
			ne++;
		}
		size_t b = comma;
		while (b > 0 && c->t[b - 1] == ' ')
			b--;
		size_t bt = tok_first_at(c, b) > 0 ? tok_first_at(c, b) - 1 : NONE; /* the token before the comma */
		int a = nn >= 5 ? age_number_word(nw, nn) : -1;
		if (a >= 20 && a <= 110 && ne < c->len && (c->t[ne] == ',' || c->t[ne] == ')') && bt != NONE &&
		    bt < c->ntok && c->tok[bt].e == b &&
		    ((c->tok[bt].flags & W_FAMILY) || late_name_from(c, n0, comma)) && !late_covered(c, n0, s, ne)) {
			add_finding(c, SCAN_DATE_OF_BIRTH, s, ne, 0.7);
			return;
		}
	}
	/* wave 30 (batch 125): a year of birth in two digits, "Sanne, '98." */
	if (!adv && s + 3 <= c->len && c->t[s] == '\'' && digit_at(c, s + 1) && digit_at(c, s + 2) &&
	    (s + 3 == c->len || (!digit_at(c, s + 3) && !is_letter_byte(c->t, s + 3, c->len))) &&
	    late_name_from(c, n0, comma) && !late_covered(c, n0, s, s + 3)) {
		add_finding(c, SCAN_DATE_OF_BIRTH, s, s + 3, 0.7);
		return;
	}
	size_t e = late_digits(c, s, &v);
	if (e == s || (e < c->len && digit_at(c, e)) || !late_name_from(c, n0, comma))
		return;
	if (e - s == 4 && !adv && v >= 1910 && v <= 2012 &&
	    (e >= c->len || c->t[e] == '\n' || ((c->t[e] == '.' || c->t[e] == '!') && late_age_tail(c, e + 1))) &&
	    !late_covered(c, n0, s, e) && !late_credit(c, comma))
		add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.75);
	else if (e - s <= 3 && v <= 120 && word_after(c, e, w, sizeof w, &we) && !strcmp(w, "jaar")) {
		size_t end = we;
		if (word_after(c, we, w2, sizeof w2, &ws) && (!strcmp(w2, "jong") || !strcmp(w2, "oud")))
			end = ws;
		if (late_age_tail(c, end) && !late_covered(c, n0, s, e))
			add_finding(c, SCAN_DATE_OF_BIRTH, s, we, 0.7);
	} else if (e - s <= 3 && v >= 1 && v <= 110 && !adv && late_age_tail(c, e) &&
	           !(e + 1 < c->len && c->t[e] == '.' && digit_at(c, e + 1)) && !late_covered(c, n0, s, e))
		/* wave 30 (batch 125): the bare number closing the sentence,
		 * "Groetjes van Riet, 74 🚲" */
		add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.7);
}

/* After a bracket at `br`, names before it: "Sem en Lotte Bosman (4 en 7)". */
static void late_bracket_ages(struct ctx *c, size_t n0, size_t br)
{
	int v, v2;
	size_t s = br + 1, e = late_digits(c, s, &v);
	char w[24];
	size_t we;
	if (e == s && word_after(c, s, w, sizeof w, &we) && we > s) {
		/* "(dertig, schizofreen)", and after pronouns "(hij/hem, twintig)" */
		if (we < c->len && c->t[we] == '/') {
			size_t q = we + 1;
			while (q < c->len && is_letter_byte(c->t, q, c->len) && q - we < 8)
				q++;
			if (q + 1 >= c->len || c->t[q] != ',' || !word_after(c, q + 1, w, sizeof w, &we))
				return;
			for (s = q + 1; s < c->len && c->t[s] == ' '; s++)
				;
			if (we >= c->len || c->t[we] != ')')
				return;
		} else if (we >= c->len || c->t[we] != ',')
			return;
		int a = maybe_number_word(c->t + s, we - s) ? age_number_word(c->t + s, we - s) : -1;
		if (a >= 1 && age_person_near(c, n0, br) && !late_covered(c, n0, s, we))
			add_finding(c, SCAN_DATE_OF_BIRTH, s, we, 0.7);
		return;
	}
	if (e == s || e - s > 3 || v < 1 || v > 120)
		return;
	/* wave 31 (batch 132): a capitalised word no list knows right before
	 * "(NN)" is a person with their age (the age is marked; the name is
	 * left to the name rules, which may read more of it) ("zitting: Jaylinn (11) mag bij ons
	 * blijven"; a capitalised word then "(NN)" is an age 1,303 of 1,342
	 * times in the labelled texts) */
	if (e < c->len && c->t[e] == ')' && v <= 110 && br >= 3 && c->t[br - 1] == ' ' && !late_name_at(c, n0, br)) {
		size_t ws = br - 1;
		while (ws > 0 && is_letter_byte(c->t, ws - 1, c->len))
			ws--;
		size_t wn = br - 1 - ws;
		uint32_t f = wn >= 3 && wn < 24 ? lookup(c->t + ws, wn) : W_NONAME;
		bool taken = false; /* (a finding there already, or a place: "uit Kerkrade (27)") */
		for (size_t q = 0; q < c->out->n && !taken; q++)
			taken = c->out->v[q].start < br - 1 && c->out->v[q].end > ws;
		char pw[8];
		if (!taken && word_before(c, ws, pw, sizeof pw, NULL))
			taken = in_list(pw, (const char *const[]){"uit", "in", "van", "de", "het", "naar", "te", "bij", NULL});
		if (!taken && c->t[ws] >= 'A' && c->t[ws] <= 'Z' && !(c->t[ws + 1] >= 'A' && c->t[ws + 1] <= 'Z') &&
		    !(f & (W_NONAME | W_LEX | W_ORG | W_DEPT | W_ROLE | W_TITLE | W_FAMILY | W_MED | W_PUBLIC)) &&
		    (ws == 0 || !is_letter_byte(c->t, ws - 1, c->len)) && !late_covered(c, n0, s, e)) {
			add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.7);
			return;
		}
	}
	/* wave 30 (batch 125): "Mo uit Zaandam (31) zoekt ..." (a name right
	 * before the bracket the rules before read already) */
	if (e < c->len && c->t[e] == ')' && !late_name_at(c, n0, br) && late_name_from(c, n0, br)) {
		if (!late_covered(c, n0, s, e))
			add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.7);
		return;
	}
	/* wave 30 (batch 125): an age opening a bracket of what the person
	 * has, after a name or in a sentence with a person: "mijn zoon (30,
	 * schizofreen, woont nog thuis)", "Jens (7, stotteren)" */
	if (e + 2 < c->len && c->t[e] == ',' && c->t[e + 1] == ' ' && is_letter_byte(c->t, e + 2, c->len) && v <= 110) {
		if (age_person_near(c, n0, br) && !late_covered(c, n0, s, e))
			add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.7);
		return;
	}
	if (!word_after(c, e, w, sizeof w, &we) || (strcmp(w, "en") != 0 && strcmp(w, "&") != 0))
		return;
	size_t q = we;
	while (q < c->len && c->t[q] == ' ')
		q++;
	size_t r = late_digits(c, q, &v2);
	if (r > q && r - q <= 3 && v2 <= 120 && r < c->len && c->t[r] == ')' && late_name_at(c, n0, br) &&
	    !late_covered(c, n0, s, e)) {
		add_finding(c, SCAN_DATE_OF_BIRTH, s, e, 0.7);
		add_finding(c, SCAN_DATE_OF_BIRTH, q, r, 0.7);
	}
}

/* The sentence holding off has "hij", "zij" or "hem" in it. */
static bool late_he_she(const struct ctx *c, size_t off)
{
	size_t si = sentence_of(c, off);
	for (size_t t = tok_first_at(c, c->sent_at[si]); t < c->ntok && c->tok[t].sent == si; t++)
		if ((c->tok[t].flags & W_PRONOUN) && tok_in(c, &c->tok[t], (const char *const[]){"hij", "zij", "hem", NULL}))
			return true;
	return false;
}

/*
 * Wave 30 (batch 125): an age as a fragment opening the text or a sentence
 * -- "19 jaar, borderline, vier keer opgenomen", "Wie heeft Henk gezien? 83
 * jaar, grijze jas", "Melding: vrouw, ca. 60 jaar, bewusteloos" -- "jaar"
 * or "jr", then a comma, "en" or "oud".  At the text's start it is the
 * writer's; later a person is in the sentence or the one before.
 */
static void late_fragment_age(struct ctx *c, size_t n0, size_t at, bool comma)
{
	size_t s = at;
	while (s < c->len && (c->t[s] == ' ' || c->t[s] == '\n'))
		s++;
	char w[12];
	size_t we;
	/* (most sentences and commas open with a letter other than these) */
	unsigned char ch = s < c->len ? (unsigned char)c->t[s] | 0x20 : 0;
	if (!digit_at(c, s) && ch != 'c' && ch != 'o')
		return;
	if (!digit_at(c, s) && word_after(c, s, w, sizeof w, &we) && (!strcmp(w, "ca") || !strcmp(w, "ongeveer")))
		for (s = we + (we < c->len && c->t[we] == '.'); s < c->len && c->t[s] == ' '; s++)
			;
	int v;
	size_t e = late_digits(c, s, &v);
	if (e == s || e - s > 3 || v < 1 || v > 110 || e >= c->len || c->t[e] != ' ' ||
	    !word_after(c, e, w, sizeof w, &we) || (strcmp(w, "jaar") && strcmp(w, "jr") && strcmp(w, "jaor")))
		return;
	size_t end = we, after = we + (we < c->len && c->t[we] == '.' && w[1] == 'r'); /* "jr." */
	char nx[8];
	if (!(after < c->len && c->t[after] == ',') &&
	    !(word_after(c, after, nx, sizeof nx, NULL) &&
	      (!strcmp(nx, "en") || !strcmp(nx, "oud") || /* wave 31: "50 jaar jong" */ !strcmp(nx, "jong"))))
		return;
	size_t p = at;
	while (p > 0 && (c->t[p - 1] == ' ' || c->t[p - 1] == '\n'))
		p--;
	if (comma) {
		/* after the text's first word ("Mantelzorger, 52 jr, en ..."), or
		 * in a sentence with a person or "hij"/"zij" ("Hij is
		 * dementerend, 81 jaar, en ..."; not "bed, 2 jaar oud") */
		size_t w0 = 0;
		while (w0 < p && (c->t[w0] == ' ' || c->t[w0] == '\n'))
			w0++;
		bool first = w0 < p - 1 && !memchr(c->t + w0, ' ', p - 1 - w0);
		if (!first && !age_person_near(c, n0, s) && !late_he_she(c, s))
			return;
	} else if (s > 0 && !age_person_near(c, n0, s) && !(p > 1 && age_person_near(c, n0, p - 2)))
		return;
	if (!late_covered(c, n0, s, e))
		add_finding(c, SCAN_DATE_OF_BIRTH, s, end, 0.7);
}

/*
 * Wave 31 (batch 131): ages in three more shapes.
 * - "<Name>, van '29": the year's apostrophe after a comma right after a
 *   name ("hun moeder Trijntje Wiersma, van '29");
 * - the children's ages in brackets after "kinderen" or "kids" ("3
 *   kinderen (2, 6 en 11)");
 * - "(de 85-jarige met de rode bril)" in brackets right after a name;
 * - (batch 133) an initial's age, "J., 15, sinds 3 maanden ...".
 */
/*
 * Wave 31 (after batch 137): a person word, "van", a number of 20 to 119
 * and no unit after it is an age, whatever follows ("Oma van 98 op de
 * scootmobiel", "mijn buurvrouw van 74, hoest al weken"): 50 of 52 such
 * numbers in the labelled texts are labelled ages, the other two unlabelled
 * ages in posts with client data.  (scan_ages, before the models, wants a
 * verb or an end after the number.)
 */
static void late_van_ages(struct ctx *c, size_t n0)
{
	static const char *const people[] = {"man", "vrouw", "meneer", "mevrouw", "heer", "dame", "buurvrouw",
		"buurman", "bewoner", "bewoonster", "cliënt", "cliënte", "patiënt", "patiënte", NULL};
	static const char *const units[] = {"jaar", "kinderen", "kleinkinderen", "achterkleinkinderen", "kilo",
		"kg", "procent", "euro", "uur", "minuten", "dagen", "weken", "maanden", "tot", "cm", "meter", "km",
		"pond", "gram", "ml", "mg", "jaren", "keer", "stuks", "personen", "mensen", "man", "of", "en", NULL};
	for (size_t t = 1; t + 1 < c->ntok; t++) {
		const struct tok *k = &c->tok[t], *p = &c->tok[t - 1];
		if (k->e - k->s != 3 || memcmp(c->lt + k->s, "van", 3) || p->sent != k->sent ||
		    !((p->flags & W_FAMILY) || tok_in(c, p, people)) ||
		    tok_in(c, p, (const char *const[]){"kind", "kinderen", "kindje", "ouders", NULL}))
			continue;
		size_t a = k->e + 1;
		int v;
		size_t e = a < c->len && c->t[k->e] == ' ' ? late_digits(c, a, &v) : a;
		if (e == a || e - a > 3 || v < 20 || v > 119 || (e < c->len && (is_letter_byte(c->t, e, c->len) ||
		                                                               c->t[e] == '-' || c->t[e] == '.' ||
		                                                               c->t[e] == '%' || c->t[e] == ':')))
			continue;
		char w[24];
		if (word_after(c, e, w, sizeof w, NULL) && in_list(w, units))
			continue;
		if (!late_covered(c, n0, a, e))
			add_finding(c, SCAN_DATE_OF_BIRTH, a, e, 0.7);
	}
}

static void late_more_ages(struct ctx *c, size_t n0)
{
	late_van_ages(c, n0);
	for (const char *q = memchr(c->t, '\'', c->len); q; q = memchr(q + 1, '\'', c->len - (size_t)(q + 1 - c->t))) {
		size_t a = (size_t)(q - c->t), e = a + 1;
		if (a < 6 || !digit_at(c, e) || !digit_at(c, e + 1) || digit_at(c, e + 2) ||
		    (e + 2 < c->len && is_letter_byte(c->t, e + 2, c->len)))
			continue;
		if (strncmp(c->t + a - 4, "van ", 4) || c->t[a - 5] != ' ' || c->t[a - 6] != ',')
			continue;
		if (late_name_at(c, n0, a - 6) && !late_covered(c, n0, a, e + 2))
			add_finding(c, SCAN_DATE_OF_BIRTH, a - 4, e + 2, 0.7);
	}
	for (size_t t = 0; t + 1 < c->ntok; t++) {
		const struct tok *k = &c->tok[t];
		size_t p = k->e;
		if (k->e - k->s < 4 || p + 2 >= c->len || c->t[p] != ' ' || c->t[p + 1] != '(' ||
		    !tok_in(c, k, (const char *const[]){"kinderen", "kids", "kinders", "kleinkinderen", NULL}))
			continue;
		/* numbers of 0-25 only, ", " or " en " between, then ')' */
		size_t q = p + 2, at[8], to[8], m = 0;
		bool ok = true;
		while (ok && m < 8) {
			int v;
			size_t r = late_digits(c, q, &v);
			if (r == q || r - q > 2 || v > 25) {
				ok = false;
				break;
			}
			at[m] = q;
			to[m++] = r;
			if (r < c->len && c->t[r] == ')')
				break;
			if (r + 1 < c->len && c->t[r] == ',' && c->t[r + 1] == ' ')
				q = r + 2;
			else if (r + 4 < c->len && !strncmp(c->t + r, " en ", 4))
				q = r + 4;
			else
				ok = false;
		}
		if (!ok || m < 2 || to[m - 1] >= c->len || c->t[to[m - 1]] != ')')
			continue;
		for (size_t u = 0; u < m; u++)
			if (!late_covered(c, n0, at[u], to[u]))
				add_finding(c, SCAN_DATE_OF_BIRTH, at[u], to[u], 0.7);
	}
	/* "Casus voor het MDO: J., 15, sinds 3 maanden in de crisisopvang": an
	 * initial, a comma and a number of years, a comma */
	for (const char *q = memchr(c->t, '.', c->len); q; q = memchr(q + 1, '.', c->len - (size_t)(q + 1 - c->t))) {
		size_t d = (size_t)(q - c->t);
		if (d < 1 || d + 4 >= c->len || c->t[d - 1] < 'A' || c->t[d - 1] > 'Z' ||
		    (d >= 2 && is_letter_byte(c->t, d - 2, c->len)) || c->t[d + 1] != ',' || c->t[d + 2] != ' ')
			continue;
		int v;
		size_t s0 = d + 3, r = late_digits(c, s0, &v);
		if (r == s0 || r - s0 > 2 || v < 1 || r >= c->len || c->t[r] != ',')
			continue;
		/* (the initial opens the text, a sentence or a field, or follows
		 * who they are: not "bijlage B., 12, 13") */
		size_t b = d - 1;
		while (b > 0 && c->t[b - 1] == ' ')
			b--;
		char pw[12];
		if (b > 0 && c->t[b - 1] != ':' && c->t[b - 1] != '.' && c->t[b - 1] != '\n' &&
		    !(word_before(c, d - 1, pw, sizeof pw, NULL) &&
		      in_list(pw, (const char *const[]){"cliënt", "client", "jongere", "meisje", "jongen", "mw", "mevr",
		                                        "dhr", "meneer", "mevrouw", "bewoner", "patiënt", "patient", NULL})))
			continue;
		if (!late_covered(c, n0, s0, r))
			add_finding(c, SCAN_DATE_OF_BIRTH, s0, r, 0.7);
	}
	for (const char *q = memchr(c->t, '(', c->len); q; q = memchr(q + 1, '(', c->len - (size_t)(q + 1 - c->t))) {
		size_t br = (size_t)(q - c->t), s = br + 1;
		if (s + 4 < c->len && !strncmp(c->t + s, "de ", 3))
			s += 3;
		int v;
		size_t r = late_digits(c, s, &v);
		if (r == s || r - s > 3 || v < 1 || v > 115 || r + 7 > c->len || strncmp(c->t + r, "-jarige", 7))
			continue;
		if (late_name_at(c, n0, br) && !late_covered(c, n0, s, r + 7))
			add_finding(c, SCAN_DATE_OF_BIRTH, s, r + 7, 0.7);
	}
}

static void scan_late_ages(struct ctx *c)
{
	late_more_ages(c, c->out->n);
	size_t n0 = c->out->n;
	late_fragment_age(c, n0, 0, false);
	for (size_t si = 1; si < c->nsent; si++)
		late_fragment_age(c, n0, c->sent_at[si], false);
	for (const char *q = memchr(c->t, ':', c->len); q; q = memchr(q + 1, ':', c->len - (size_t)(q + 1 - c->t)))
		if (q + 1 < c->t + c->len && q[1] == ' ')
			late_fragment_age(c, n0, (size_t)(q + 1 - c->t), false);
	for (const char *q = memchr(c->t, ',', c->len); q; q = memchr(q + 1, ',', c->len - (size_t)(q + 1 - c->t))) {
		late_comma_age(c, n0, (size_t)(q - c->t));
		late_fragment_age(c, n0, (size_t)(q + 1 - c->t), true);
	}
	for (const char *q = memchr(c->t, '(', c->len); q; q = memchr(q + 1, '(', c->len - (size_t)(q + 1 - c->t)))
		late_bracket_ages(c, n0, (size_t)(q - c->t));
	for (size_t i = 0; i + 2 < c->ntok; i++) {
		const struct tok *v = &c->tok[i], *a = &c->tok[i + 2];
		size_t vn = v->e - v->s;
		unsigned char v0 = (unsigned char)c->t[v->s] | 0x20;
		if (v0 != 'w' && v0 != 'v')
			continue;
		/* "Vandaag werd ik honderd!" */
		if (vn == 4 && tok_is_ik(c, &c->tok[i + 1]) && tok_in(c, v, (const char *const[]){"werd", "word", NULL}) &&
		    maybe_number_word(c->t + a->s, a->e - a->s) && age_number_word(c->t + a->s, a->e - a->s) >= 2) {
			char nx[12];
			if ((late_age_tail(c, a->e) || (word_after(c, a->e, nx, sizeof nx, NULL) &&
			                                 (!strcmp(nx, "jaar") || !strcmp(nx, "geworden")))) &&
			    !late_covered(c, n0, a->s, a->e))
				add_finding(c, SCAN_DATE_OF_BIRTH, a->s, a->e, 0.7);
			continue;
		}
		/* "Harry viert zijn 65ste!" */
		if (vn != 5 || !tok_in(c, v, (const char *const[]){"viert", NULL}) ||
		    !tok_in(c, &c->tok[i + 1], (const char *const[]){"zijn", "haar", NULL}))
			continue;
		size_t s = c->tok[i + 1].e;
		while (s < c->len && c->t[s] == ' ')
			s++;
		int n;
		size_t e = late_digits(c, s, &n), oe = e;
		while (oe < c->len && oe - e < 3 && c->t[oe] >= 'a' && c->t[oe] <= 'z')
			oe++;
		char w2[8], fw[24];
		if (e > s && e - s <= 3 && n >= 2 && n <= 120 && oe > e &&
		    (oe - e == 1 ? c->t[e] == 'e' : !strncmp(c->t + e, "ste", oe - e) || !strncmp(c->t + e, "de", oe - e)) &&
		    (oe >= c->len || !is_letter_byte(c->t, oe, c->len)) &&
		    (late_age_tail(c, oe) || (word_after(c, oe, w2, sizeof w2, NULL) && !strcmp(w2, "en"))) &&
		    (late_name_at(c, n0, v->s) || (word_before(c, v->s, fw, sizeof fw, NULL) && family_word(fw))) &&
		    !late_covered(c, n0, s, oe))
			add_finding(c, SCAN_DATE_OF_BIRTH, s, oe, 0.7);
	}
}

/*
 * Wave 31 (batch 130): a post that opens as a frequently asked question
 * ("Veelgestelde vraag: moet ik mijn antibiotica echt helemaal opmaken?
 * Ja. ...", "Vraag van de week: ...", "Lezersvraag: ...") asks for anyone:
 * its "ik" and "mijn" are the asker's in general (7 of 7 such posts in the
 * labelled texts hold no client data).  Its health is demoted when nothing
 * else in it counts.
 */
static void demote_faq_health(struct ctx *c)
{
	static const struct lit heads[] = {LIT("veelgestelde vraag"), LIT("vraag van de week"), LIT("lezersvraag"),
		LIT("faq"), LIT("q&a"), /* (batch 134) */ LIT("algemene vraag")};
	size_t s = 0;
	while (s < c->len && (c->t[s] == ' ' || c->t[s] == '\n'))
		s++;
	bool faq = false;
	for (size_t h = 0; h < sizeof heads / sizeof heads[0] && !faq; h++)
		faq = c->len - s > heads[h].n && !strncasecmp(c->t + s, heads[h].s, heads[h].n) &&
		      !is_letter_byte(c->t, s + heads[h].n, c->len);
	if (!faq)
		return;
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].type != SCAN_HEALTH && r->v[j].confidence >= SCAN_COUNT_CONF)
			return;
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].confidence >= SCAN_COUNT_CONF)
			r->v[j].confidence = 0.4;
}

/*
 * Wave 31 (batch 131): a venue's name right after its kind, with or
 * without an article ("in gemeenschapshuis 't Jonkhoes", "buurthuis De
 * Schakel": 0 of 203 such words a name in the labelled texts).  Read before
 * the quoted titles and the venues' lines, which a counted name stops
 * (after the models: read before them it would change what the health
 * model learns from).
 */
static void demote_venue_after_kind(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i == 0 || i >= c->ntok || c->tok[i - 1].sent != c->tok[i].sent)
			continue;
		size_t v = i - 1, s = c->tok[i].sent;
		if (v > 0 && c->tok[v - 1].sent == s && !c->tok[v].cap &&
		    tok_in(c, &c->tok[v], (const char *const[]){"t", "'t", "de", "het", NULL}))
			v--;
		size_t vn = c->tok[v].e - c->tok[v].s;
		/* (only spaces and the article between: not "Hospice: Tineke ...") */
		bool joined = true;
		for (size_t q = c->tok[v].e; q < x->start && joined; q++)
			joined = c->t[q] == ' ' || c->t[q] == '\'' || is_letter_byte(c->t, q, c->len);
		if (!joined)
			continue;
		/* (tok_in reads no word of 16 bytes: "gemeenschapshuis" by its end) */
		if (tok_in(c, &c->tok[v], venue_kinds) || (!c->tok[v].cap && vn >= 12 &&
		                                           !memcmp(c->lt + c->tok[v].e - 4, "huis", 4)))
			x->confidence = 0.3;
	}
}

/*
 * Wave 31 (batch 132): an address given right after a date or a time and
 * a comma is where something takes place ("Zaterdag 13 december, Hoge
 * Dijk 7, ...", "donderdag om 19.30 uur, Hengelosestraat 705, ...",
 * "10.00-14.00, Bovenbuurtweg 16"): 42 of 42 such addresses in the
 * labelled texts are in posts without client data.
 */
static bool date_or_time_ends(const struct ctx *c, size_t p)
{
	char w[16];
	size_t ws;
	if (!word_before(c, p, w, sizeof w, &ws))
		return false;
	if (!strcmp(w, "uur"))
		return true;
	if (in_list(w, months_nl)) {
		while (ws > 0 && c->t[ws - 1] == ' ')
			ws--;
		return ws > 0 && digit_at(c, ws - 1);
	}
	/* "19.30", "10:00", "14.00-16.00" */
	size_t q = p;
	while (q > 0 && c->t[q - 1] == ' ')
		q--;
	return q >= 4 && digit_at(c, q - 1) && digit_at(c, q - 2) && (c->t[q - 3] == '.' || c->t[q - 3] == ':') &&
	       digit_at(c, q - 4);
}

/*
 * Wave 31 (batch 135): an age said to the reader ("Vanaf je zestigste is het
 * verstandig ...", "na uw 75e"): 29 of 30 such ages in the labelled texts
 * are anyone's.  Not in a post whose writer speaks of themselves ("Kanker
 * op je 34e. En dan lees ik ..." is the writer's).
 */
static void demote_your_age(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_DATE_OF_BIRTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		char w[8], p[8];
		size_t ws;
		if (!word_before(c, x->start, w, sizeof w, &ws) || !in_list(w, (const char *const[]){"je", "jouw", "uw", NULL}) ||
		    !word_before(c, ws, p, sizeof p, NULL) ||
		    !in_list(p, (const char *const[]){"vanaf", "na", "voor", "bij", "tot", "op", NULL}))
			continue;
		if (!writer_speaks(c))
			x->confidence = 0.4;
	}
}

/*
 * Wave 31 (batch 136): an age told of a named pet earlier in its sentence
 * ("Onze labrador Max is vandaag 10 geworden", "Poes Miep van De Horst is
 * 14 geworden!"): 12 of 13 in the labelled texts; not when a person is
 * named or a title or family word stands between ("het paard van Hidde, 9
 * jaar").
 */
static bool pets_age(const struct ctx *c, const struct scan_finding *x, unsigned *budget)
{
	size_t s = sentence_of(c, x->start);
	size_t pet = NONE;
	/* (at most 40 words back: a text of one long sentence stays linear) */
	size_t t = tok_first_at(c, c->sent_at[s]), at = tok_first_at(c, x->start);
	if (at > t + 40)
		t = at - 40;
	for (; t + 1 < c->ntok && c->tok[t].e <= x->start; t++) {
		const struct tok *k = &c->tok[t];
		if (pet != NONE && (k->flags & (W_TITLE | W_FAMILY)))
			return false;
		if (((k->flags & W_PET) || pet_compound(c, k)) && c->tok[t + 1].cap && c->tok[t + 1].sent == k->sent &&
		    only_space(c, k->e, c->tok[t + 1].s))
			pet = t + 1;
	}
	/* (the findings are read whole: a few times a text, not once per age) */
	if (pet == NONE || *budget == 0)
		return false;
	--*budget;
	for (size_t j = 0; j < c->out->n; j++) {
		const struct scan_finding *y = &c->out->v[j];
		if (y->type == SCAN_NAME && y->confidence >= SCAN_COUNT_CONF && y->start >= c->tok[pet].e &&
		    y->end <= x->start)
			return false;
	}
	return true;
}

/*
 * Wave 31, round 18 (batch 139): a case made anonymous with a letter for
 * the name, "Even anoniem gemaakt: meneer Y, halverwege de tachtig,
 * PEG-sonde, woont bij zijn dochter" — of the labelled texts with "meneer
 * X", "mevrouw X", "cliënt A" and the like, 9 hold no client data and the 2
 * that do give an address or a date of birth too.  A text with such a
 * placeholder and no counted finding but health keeps its health as hints.
 */
static void demote_placeholder_case(struct ctx *c)
{
	static const char *const heads[] = {"meneer", "mevrouw", "dhr", "mw", "mevr", "cliënt", "cliënte", "client",
		"patiënt", "patiënte", NULL};
	bool placeholder = false;
	for (size_t t = 0; t + 1 < c->ntok && !placeholder; t++) {
		const struct tok *k = &c->tok[t + 1];
		placeholder = k->e - k->s == 1 && c->t[k->s] >= 'A' && c->t[k->s] <= 'Z' &&
		              (k->e >= c->len || (c->t[k->e] != '.' && c->t[k->e] != '\'')) &&
		              k->sent == c->tok[t].sent && tok_in(c, &c->tok[t], heads);
	}
	if (!placeholder)
		return;
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].confidence >= SCAN_COUNT_CONF && r->v[j].type != SCAN_HEALTH)
			return;
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].type == SCAN_HEALTH && r->v[j].confidence >= SCAN_COUNT_CONF)
			r->v[j].confidence = 0.4;
}

/*
 * Wave 31 (batch 136): an age no one has — "een kind van 2 jaar zegt
 * meestal ...", "Heeft een kind van 10 met buikpijn ...": 0 of the 8 ages
 * after "een kind van" in the labelled texts are anyone's (a girl or a boy
 * of N is a case: "een meisje van 15 belt zelf voor de pil"); and the first
 * number of a span of hours ("is 9 tot 12 uur slaap normaal": 0 of 189).
 */
static void demote_anyones_age(struct ctx *c)
{
	struct scan_result *r = c->out;
	bool named = false; /* a counted name anywhere (this pass moves none) */
	for (size_t q = 0; q < r->n && !named; q++)
		named = r->v[q].type == SCAN_NAME && r->v[q].confidence >= SCAN_COUNT_CONF;
	unsigned char *quiet = NULL; /* per sentence: its health goes with an anyone's age */
	unsigned budget = 64;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_DATE_OF_BIRTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		char w[8], k[8], a[8];
		size_t ws, ks;
		bool anyone = word_before(c, x->start, w, sizeof w, &ws) && !strcmp(w, "van") &&
		              word_before(c, ws, k, sizeof k, &ks) && (!strcmp(k, "kind") || !strcmp(k, "kindje")) &&
		              word_before(c, ks, a, sizeof a, NULL) && !strcmp(a, "een");
		if (!anyone && x->end - x->start <= 3 && digit_at(c, x->start)) {
			/* "9 tot 12 uur" */
			size_t p = x->end;
			while (p < c->len && c->t[p] == ' ')
				p++;
			if (p + 4 < c->len && !memcmp(c->lt + p, "tot ", 4)) {
				p += 4;
				while (p < c->len && c->t[p] >= '0' && c->t[p] <= '9')
					p++;
				anyone = p > x->end + 5 && word_after(c, p, w, sizeof w, NULL) && !strcmp(w, "uur");
			}
		}
		/* batch 138: a decade's age of someone unnamed, "Een vrouw van in de
		 * tachtig werd ... onwel", "een cliënt van rond de zeventig" (7 of 8
		 * in the labelled texts anyone's; the eighth says where they live) */
		/* (round 21, batch 143: "een jonge vrouw van begin twintig": the
		 * decade's part, and one word between "een" and the person) */
		size_t as;
		if (!anyone && x->end - x->start > 6 &&
		    (!memcmp(c->lt + x->start, "in de ", 6) || !memcmp(c->lt + x->start, "rond de ", 8) ||
		     !memcmp(c->lt + x->start, "ergens in de ", 13) || !memcmp(c->lt + x->start, "begin ", 6) ||
		     !memcmp(c->lt + x->start, "midden ", 7) || !memcmp(c->lt + x->start, "eind ", 5)) &&
		    word_before(c, x->start, w, sizeof w, &ws) && !strcmp(w, "van") &&
		    word_before(c, ws, k, sizeof k, &ks) && word_before(c, ks, a, sizeof a, &as) &&
		    (!strcmp(a, "een") || !strcmp(a, "n") ||
		     (word_before(c, as, a, sizeof a, NULL) && (!strcmp(a, "een") || !strcmp(a, "n"))))) {
			/* (not where they live: "uit de flat aan de Hoefkade") */
			char nx[8];
			anyone = !(word_after(c, x->end, nx, sizeof nx, NULL) && !strcmp(nx, "uit"));
		}
		/* round 18 (batch 139): a decade's age of an anonymised case,
		 * "een cliënt van mij (eind zeventig, alleenwonend)", "meneer Y,
		 * halverwege de tachtig, PEG-sonde" — when no name counts */
		if (!anyone && !named && x->end - x->start > 6 && x->start >= 2 &&
		    (!memcmp(c->lt + x->start, "eind ", 5) || !memcmp(c->lt + x->start, "begin ", 6) ||
		     !memcmp(c->lt + x->start, "midden ", 7) || !memcmp(c->lt + x->start, "halverwege ", 11) ||
		     !memcmp(c->lt + x->start, "half ", 5)) &&
		    (c->t[x->start - 1] == '(' || (c->t[x->start - 1] == ' ' && c->t[x->start - 2] == ','))) {
			size_t b = x->start - (c->t[x->start - 1] == '(' ? 1 : 2);
			while (b > 0 && c->t[b - 1] == ' ')
				b--;
			/* (round 21, batch 142: "een cliënt (midden veertig,
			 * alleenstaande vader)") */
			static const char *const cases[] = {"cliënt van mij", "cliënte van mij", "een cliënt", "een cliënte",
				"een patiënt", "een patiënte", NULL};
			for (const char *const *cs = cases; *cs && !anyone; cs++) {
				size_t m = strlen(*cs);
				anyone = b >= m && !memcmp(c->lt + b - m, *cs, m) && (b == m || !is_letter_byte(c->t, b - m - 1, c->len));
			}
			anyone = anyone ||
			         (b >= 3 && c->t[b - 2] == ' ' && c->t[b - 1] >= 'A' && c->t[b - 1] <= 'Z' &&
			          word_before(c, b - 1, w, sizeof w, NULL) &&
			          (!strcmp(w, "meneer") || !strcmp(w, "mevrouw") || !strcmp(w, "dhr") || !strcmp(w, "mw") ||
			           !strcmp(w, "mevr")));
		}
		if (!anyone)
			anyone = pets_age(c, x, &budget);
		if (!anyone)
			continue;
		x->confidence = 0.4;
		/* (and the health of "een kind van 10 met buikpijn", where no one
		 * else is in the sentence: no name, title, family word or "ik";
		 * the sentence read at most 40 words either side of the age) */
		size_t sn = sentence_of(c, x->start);
		if (named || (quiet && quiet[sn]))
			continue;
		bool someone = false;
		/* (the unnamed one's own word, "een vrouw van ...", is no one else) */
		size_t own = word_before(c, x->start, w, sizeof w, &ws) && !strcmp(w, "van") ? tok_first_at(c, ws) : NONE;
		own = own != NONE && own > 0 ? own - 1 : NONE;
		size_t at = tok_first_at(c, x->start), t = tok_first_at(c, c->sent_at[sn]);
		if (at > t + 40)
			t = at - 40;
		for (; t < c->ntok && c->tok[t].sent == sn && t < at + 40 && !someone; t++)
			someone = t != own &&
			          (((c->tok[t].flags & (W_TITLE | W_FAMILY | W_POSS)) &&
			            !tok_in(c, &c->tok[t], (const char *const[]){"kind", "kindje", "kinderen", NULL})) ||
			           tok_is_ik(c, &c->tok[t]));
		if (someone)
			continue;
		if (!quiet)
			quiet = xcalloc(c->nsent, 1);
		quiet[sn] = 1;
	}
	if (!quiet)
		return;
	for (size_t q = 0; q < r->n; q++) {
		struct scan_finding *h = &r->v[q];
		if (h->type != SCAN_HEALTH || h->confidence < SCAN_COUNT_CONF)
			continue;
		size_t sn = sentence_of(c, h->start), to = sn + 1 < c->nsent ? c->sent_at[sn + 1] : c->len;
		if (quiet[sn] && h->end <= to)
			h->confidence = 0.4;
	}
	free(quiet);
}

/*
 * Wave 31 (batches 136-138): an organisation's own line, read after the
 * models.  Youth work's first (batch 136: "Het jongerenwerk heeft een
 * nieuw nummer voor de chat: 06 ...", "App Joey (jongerenwerker): 06 ..."):
 * 8 of 8 such numbers in the labelled texts are the work's.  (After the
 * models, as vacancy_ctx would change what they read.)
 */
static void demote_org_lines_late(struct ctx *c)
{
	static const char *const lines[] = {"jongerenwerk", "jongerencentrum", "jongerenraad",
		/* (batch 137: "de jongerenlijn van GGZ ... via 06 ...") */ "jongerenlijn", "hulplijn", "chatlijn",
		"luisterlijn", /* (batch 138: "Het nieuwe telefoonnummer van de wijkpost") */ "wijkpost", NULL};
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type == SCAN_PHONE && x->confidence >= SCAN_COUNT_CONF && !c->family &&
		    window_has(c, back(x->start, 160), x->start, lines))
			x->confidence = 0.45;
	}
}

/*
 * Wave 31 (batch 137): names that are things'.  Read after the models (the
 * lists the rules before them read would change what the models learn):
 * - a group's name after "groep", "woongroep", "leefgroep" ("groep Storm
 *   (jongens van 12-16)": 0 of 277 capitalised words after "groep" in the
 *   labelled texts a person's name);
 * - a club or a king with a numeral ("van Willem II");
 * - a shop after "de" ("bij de Dirk aan de Westermarkt": "de Albert Heijn"
 *   10 of 10 the shop);
 * - an animal of a compound before the name or before "heet" ("Onze
 *   therapiepony heet Dirk", "zorgboerderijgeit Bolletje");
 * - a name talked of as a name in a post about names ("De naam Sterre
 *   staat op nummer 14 van de populairste meisjesnamen").
 */
static bool animal_compound_late(const struct ctx *c, const struct tok *k)
{
	static const char *const ends[] = {"pony", "paard", "geit", "ezel", "alpaca", "schaap", "varken", "koe",
		"hond", "kat", "poes", "konijn", "kip", "haan", NULL};
	size_t n = k->e - k->s;
	if (n < 6 || n > 24 || k->cap)
		return false;
	for (const char *const *e = ends; *e; e++) {
		size_t m = strlen(*e);
		if (n > m + 2 && !memcmp(c->lt + k->e - m, *e, m))
			return true;
	}
	return false;
}

/*
 * Wave 31 (batch 138): a webcare signature, "^Femke | Noorderhaven",
 * "^Ruben, HAP Hunzeland": the name after the caret is the replier's (116
 * of 116 such names in the labelled texts already read as staff where
 * nothing follows), and the words after its bar or comma their
 * organisation's.  (After the models: demote_signature, before them, reads
 * a signature only at the text's end.)
 */
static void demote_webcare_signature(struct ctx *c)
{
	/* one pass over the findings: a name right after the caret, or one
	 * right after "| " or ", " that follow a replier's one or two words
	 * right after a caret */
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || x->start == 0)
			continue;
		if (c->t[x->start - 1] == '^') {
			size_t t = tok_first_at(c, x->start);
			if (t < c->ntok && c->tok[t].s == x->start && c->tok[t].cap)
				x->confidence = STAFF_CONF;
			continue;
		}
		size_t p = x->start;
		while (p > 0 && c->t[p - 1] == ' ')
			p--;
		if (p == 0 || (c->t[p - 1] != '|' && c->t[p - 1] != ',') || memchr(c->t + x->start, '\n', x->end - x->start))
			continue;
		for (p--; p > 0 && c->t[p - 1] == ' '; p--)
			;
		size_t t = tok_first_at(c, p); /* the token after the replier's last word */
		if (t == 0 || t > c->ntok || c->tok[t - 1].e != p || !c->tok[t - 1].cap)
			continue;
		const struct tok *w = &c->tok[t - 1];
		bool replier = w->s > 0 && c->t[w->s - 1] == '^';
		/* (or its second word: "^Anne Bos | ...") */
		if (!replier && t >= 2 && c->tok[t - 2].cap && c->tok[t - 2].e + 1 == w->s && c->t[w->s - 1] == ' ')
			replier = c->tok[t - 2].s > 0 && c->t[c->tok[t - 2].s - 1] == '^';
		if (replier)
			x->confidence = 0.3;
	}
}

/*
 * Wave 31 (batch 138): a room that is a place to meet or be still, not
 * anyone's ("Kamer 0.12 in De Vennehof is vanaf nu de stille ruimte voor
 * familie", "Kamer 5 van het wijkcentrum is gereserveerd voor ..."): 0 of
 * 29 such rooms in the labelled texts are labelled; not in a sentence
 * with a person in it ("mijn moeder op kamer 12 heeft weinig ruimte").
 */
static void demote_meeting_rooms(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_ROOM || x->confidence < SCAN_COUNT_CONF)
			continue;
		/* (the room's sentence, at most 24 words either side: a text of
		 * one long sentence and many rooms stays linear) */
		size_t at = tok_first_at(c, x->start);
		if (at >= c->ntok)
			continue;
		uint32_t sent = c->tok[at].sent;
		size_t from = at > 24 ? at - 24 : 0, to = at + 24 < c->ntok ? at + 24 : c->ntok;
		bool place = false, person = false;
		for (size_t t = from; t < to && !person; t++) {
			const struct tok *k = &c->tok[t];
			if (k->sent != sent)
				continue;
			size_t n = k->e - k->s;
			/* ("de stille ruimte voor familie" is for anyone's) */
			person = ((k->flags & (W_FAMILY | W_TITLE | W_POSS)) &&
			          !(t > 0 && tok_in(c, k, (const char *const[]){"familie", "familieleden", NULL}) &&
			            tok_in(c, &c->tok[t - 1], (const char *const[]){"voor", NULL}))) ||
			         tok_is_ik(c, k);
			if (k->s >= x->end && !place)
				place = (n >= 6 && !memcmp(c->lt + k->e - 6, "ruimte", 6)) ||
				        tok_in(c, k, (const char *const[]){"gereserveerd", "ingericht", "familiekamer", NULL});
		}
		if (place && !person)
			x->confidence = 0.4;
	}
}

static bool nationality_adjective(const struct ctx *c, const struct tok *k);

/* A platform's name opening a compound ("Facebookpagina",
 * "Instagramaccount", "Whatsappgroep"): finding x, one word of 9 bytes or
 * more, the platform and at least three lower-case letters. */
static bool platform_word(const struct ctx *c, const struct scan_finding *x)
{
	static const char *const platforms[] = {"facebook", "instagram", "whatsapp", "youtube", "tiktok", "linkedin",
		"twitter", "google", "netflix", "spotify", "snapchat", NULL};
	size_t n = x->end - x->start;
	if (n < 9 || memchr(c->t + x->start, ' ', n))
		return false;
	for (const char *const *pl = platforms; *pl; pl++) {
		size_t m = strlen(*pl);
		if (n >= m + 3 && !memcmp(c->lt + x->start, *pl, m) && c->t[x->start + m] >= 'a' && c->t[x->start + m] <= 'z')
			return true;
	}
	return false;
}

static void demote_named_things(struct ctx *c)
{
	static const char *const shops[] = {"dirk", "albert heijn", "jan linders", "hoogvliet", "poiesz", "boni",
		"jumbo", "lidl", "aldi", "hema", "action", "kruidvat", NULL};
	struct scan_result *r = c->out;
	bool names_talk = false; /* "meisjesnamen", "jongensnamen", "babynamen", "voornamen" */
	for (size_t t = 0; t < c->ntok && !names_talk; t++) {
		size_t n = c->tok[t].e - c->tok[t].s;
		names_talk = n >= 8 && !memcmp(c->lt + c->tok[t].e - 5, "namen", 5) &&
		             tok_in(c, &c->tok[t], (const char *const[]){"meisjesnamen", "jongensnamen", "babynamen",
		                                                        "voornamen", NULL});
	}
	/* one word the tagger read as a name that names no one: a
	 * nationality's, a region's or a city's adjective (round 24, batch 146:
	 * "Cliëntenraad Veluwse Zorgkring", "Twentse Zorghuizen opent ..."; in
	 * the 31,074 labelled texts none of them alone is read as a name), or
	 * a platform's page, group or account (round 21, batch 144: "op hun
	 * Facebookpagina", "Instagramaccount"; 0 of 5 such words a name) */
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		size_t t = tok_first_at(c, x->start);
		if (plain_name(c, x) && t < c->ntok && c->tok[t].s == x->start && c->tok[t].e == x->end &&
		    (nationality_adjective(c, &c->tok[t]) || platform_word(c, x)))
			x->confidence = 0.3;
	}
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || c->t[x->start] == '@')
			continue;
		size_t i = tok_first_at(c, x->start);
		if (i == 0 || i >= c->ntok || c->tok[i - 1].sent != c->tok[i].sent || !only_space(c, c->tok[i - 1].e, x->start))
			continue;
		const struct tok *p = &c->tok[i - 1];
		/* (not "op de groep Ellen en Marcel uitgezwaaid": the group is a place there) */
		bool thing = (tok_in(c, p, (const char *const[]){"groep", "woongroep", "leefgroep", "logeergroep", NULL}) &&
		              !(i >= 2 && tok_in(c, &c->tok[i - 2], (const char *const[]){"de", NULL}))) ||
		             animal_compound_late(c, p);
		/* batch 138: a house's name ("Huize Geesje Kwant", "paviljoen Jan
		 * Dijkstra": 0 of 64 labelled names) and a name after "'t" ("De
		 * fysio's van 't Olde Hoes": 4 of 70 names, all "van 't Hof") */
		if (!thing)
			thing = tok_in(c, p, (const char *const[]){"huize", "paviljoen", "vleugel", NULL});
		if (!thing && x->start >= 3 && !memcmp(c->t + x->start - 3, "'t ", 3) &&
		    (x->start == 3 || !is_letter_byte(c->t, x->start - 4, c->len))) { /* (not Frisian "dy't") */
			/* (a surname: "van 't" after a first name or a title, "Sven van 't
			 * Hof", "mevr. van 't Hof"; not "de fysio's van 't Olde Hoes") */
			char w[8];
			size_t ws;
			thing = true;
			if (word_before(c, x->start - 3, w, sizeof w, &ws) && !strcmp(w, "van")) {
				size_t b = tok_first_at(c, ws);
				thing = !(b > 0 && b < c->ntok && (c->tok[b - 1].cap || (c->tok[b - 1].flags & W_TITLE)));
			}
		}
		/* "heet Dirk" after the animal */
		if (!thing && i >= 2 && c->tok[i - 2].sent == p->sent && tok_in(c, p, (const char *const[]){"heet", NULL}))
			thing = animal_compound_late(c, &c->tok[i - 2]);
		/* "Willem II" */
		if (!thing && x->end + 3 < c->len && c->t[x->end] == ' ' && c->t[x->end + 1] == 'I' &&
		    (c->t[x->end + 2] == 'I' || c->t[x->end + 2] == 'V'))
			thing = x->end + 3 == c->len || !is_letter_byte(c->t, x->end + 3, c->len) ||
			        (c->t[x->end + 3] == 'I' && (x->end + 4 == c->len || !is_letter_byte(c->t, x->end + 4, c->len)));
		/* "de Dirk" */
		if (!thing && tok_in(c, p, (const char *const[]){"de", NULL}) && x->end - x->start < 16) {
			char w[16];
			memcpy(w, c->lt + x->start, x->end - x->start);
			w[x->end - x->start] = '\0';
			thing = in_list(w, shops);
		}
		/* "De naam Sterre" in a post about names */
		if (!thing && names_talk && i >= 2 && c->tok[i - 2].sent == p->sent &&
		    tok_in(c, p, (const char *const[]){"naam", NULL}) &&
		    tok_in(c, &c->tok[i - 2], (const char *const[]){"de", NULL}))
			thing = true;
		if (thing)
			x->confidence = 0.3;
	}
}

static void demote_dated_addresses(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_ADDRESS || x->confidence < SCAN_COUNT_CONF || x->start < 6)
			continue;
		if (c->t[x->start - 1] != ' ' || c->t[x->start - 2] != ',')
			continue;
		if (!date_or_time_ends(c, x->start - 2))
			continue;
		/* (not where someone lives: "Mijn moeder woont sinds 3 maart,
		 * Kerkstraat 4") */
		size_t sn = sentence_of(c, x->start);
		bool home = false;
		for (size_t t = tok_first_at(c, c->sent_at[sn]); t < c->ntok && c->tok[t].sent == sn && !home; t++)
			home = ((c->tok[t].flags & (W_FAMILY | W_TITLE)) &&
			        !(c->tok[t].e - c->tok[t].s == 2 && c->t[c->tok[t].s + 1] >= 'A' &&
			          c->t[c->tok[t].s + 1] <= 'Z')) || /* (a postcode's "PA" is no father) */
			       tok_is_ik(c, &c->tok[t]) ||
			       tok_in(c, &c->tok[t], (const char *const[]){"woont", "woon", "wonen", "woonde", "verhuist",
			                                                  "verhuisd", "mijn", "zijn", "haar", NULL});
		if (!home)
			x->confidence = 0.4;
	}
}

/* groups one lives or belongs in, not one works in or leads */
static const char *const not_groups[] = {"woongroep", "vriendengroep", "leefgroep", "pleeggroep", "klasgroep",
	"familiegroep", "gezinsgroep", "behandelgroep", "lotgenotengroep", "praatgroep", "zorggroep", NULL};

/* Names at a and b joined by "en" or "of" (or a comma). */
static bool names_or_joined(const struct ctx *c, size_t a, size_t b)
{
	if (names_joined(c, a, b))
		return true;
	while (a < b && (c->t[a] == ' ' || c->t[a] == ','))
		a++;
	return a + 3 <= b && !strncmp(c->t + a, "of ", 3) && only_space(c, a + 3, b);
}

/* Wave 31: a unit a staff member is named with in brackets ("Ilse
 * (Dagbesteding)", "Jolanda (geriatrie)", "Petra Hulshof (HR)", "Thijs
 * (fysio)"): a department, a team, a specialty or a job. */
static bool unit_word(const struct ctx *c, const struct tok *k)
{
	static const char *const units[] = {"dagbesteding", "wonen", "thuiszorg", "facilitair", "hr", "ict", "pz",
		"fysio", "logopedie", "ergotherapie", "fysiotherapie", "diëtetiek", "nachtdienst", "evv",
		/* round 24 (batch 146): "de instructie van Frank (ergo)" */ "ergo", NULL};
	static const char *const ends[] = {"team", "logie", "atrie", "fysio", "groep", "dienst", NULL};
	if ((k->flags & W_DEPT) || tok_in(c, k, units) || work_word(c, k))
		return true;
	if (tok_in(c, k, not_groups)) /* "Ilse (woongroep De Linde)" lives there */
		return false;
	size_t n = k->e - k->s;
	for (const char *const *w = ends; *w; w++) {
		size_t m = strlen(*w);
		if (n > m && !strncasecmp(c->t + k->e - m, *w, m))
			return true;
	}
	return false;
}

/* Nationalities and regions as adjectives, capitalised in Dutch ("voor
 * Poolse verzorgenden"): never a name before a lower-case word. */
static bool nationality_adjective(const struct ctx *c, const struct tok *k)
{
	static const char *const adj[] = {"poolse", "turkse", "marokkaanse", "surinaamse", "antilliaanse",
		"syrische", "eritrese", "somalische", "afghaanse", "iraakse", "iraanse", "oekraïense", "russische",
		"roemeense", "bulgaarse", "indonesische", "molukse", "chinese", "ghanese", "nigeriaanse", "kaapverdische",
		"friese", "limburgse", "brabantse", "groningse", "twentse", "duitse", "belgische", "vlaamse", "engelse",
		"franse", "spaanse", "portugese", "italiaanse", "griekse", "hindoestaanse", "javaanse", "arabische",
		"koerdische", "berberse", "amazighse", "ethiopische", "soedanese", "indiase", "pakistaanse", "filipijnse",
		"vietnamese", "thaise", "joodse", "islamitische", "nederlandse",
		/* round 24 (batch 146) */
		"veluwse", "drentse", "zeeuwse", "achterhoekse", "hollandse", "utrechtse", "gelderse", "overijsselse",
		"flevolandse", "amsterdamse", "rotterdamse", "haagse", "zaanse", "westfriese", "betuwse", "sallandse", NULL};
	return tok_in(c, k, adj);
}

/*
 * Wave 31 (batches 120-129): shapes that make a name staff's or a public
 * person's, read once all the other demotions are done:
 * - a name with a unit in brackets right after it ("Kandidaten: Ilse
 *   (Dagbesteding), Koen (Wonen)"; 23 of 23 such names in the labelled
 *   texts are staff);
 * - the patients, clients, team or group "van <Name>" ("neemt de patiënten
 *   van Ingrid over", "de valpreventiegroep van Marit": 6 of 6 staff);
 * - the next of a pair after a name in a role ("moderator Wendy of Arjen"),
 *   the writer's role after their name and who shares it ("Ik ben
 *   Jasmijn, sinds vandaag moderator van deze groep, samen met Okke");
 * - who plays a part ("Lize Veenstra speelt de hoofdrol");
 * - both sides of a succession ("Marc Vermeulen volgt in juni Ingrid Lam
 *   op");
 * - and a nationality's adjective is no name ("voor Poolse verzorgenden"),
 *   nor a word said before a comma ("Nou, vandaag ...").
 */
/*
 * Wave 31 (batch 136): "die na 22 jaar stoppen": a word of leaving right
 * after "na <N> jaar" is a retirement, not stopping a treatment (the word
 * alone; "na 10 jaar gestopt met roken" is read whole).
 */
static void demote_years_leaving(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF)
			continue;
		size_t t = tok_first_at(c, x->start);
		if (t < 3 || t >= c->ntok || c->tok[t].e != x->end || c->tok[t - 3].sent != c->tok[t].sent ||
		    !tok_in(c, &c->tok[t], (const char *const[]){"stoppen", "stopt", "stop", NULL}) ||
		    !tok_in(c, &c->tok[t - 1], (const char *const[]){"jaar", NULL}) || !digit_at(c, c->tok[t - 2].e + 1) ||
		    !tok_in(c, &c->tok[t - 2], (const char *const[]){"na", NULL}))
			continue;
		x->confidence = 0.4;
	}
}

static void demote_staff_shapes(struct ctx *c)
{
	struct scan_result *r = c->out;
	bool any = false, told_ill = false; /* a counted name; a counted health or age (this pass moves neither) */
	for (size_t j = 0; j < r->n; j++) {
		any = any || (r->v[j].type == SCAN_NAME && r->v[j].confidence >= SCAN_COUNT_CONF);
		told_ill = told_ill || ((r->v[j].type == SCAN_HEALTH || r->v[j].type == SCAN_DATE_OF_BIRTH) &&
		                        r->v[j].confidence >= SCAN_COUNT_CONF);
	}
	if (!any)
		return;
	static const char *const heads[] = {"patiënten", "patienten", "cliënten", "clienten", "team", "spreekuur",
		"praktijk", NULL};
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || c->t[x->start] == '@')
			continue;
		size_t i = tok_first_at(c, x->start), last = i;
		if (i >= c->ntok)
			continue;
		while (last + 1 < c->ntok && c->tok[last + 1].s < x->end)
			last++;
		size_t s = c->tok[i].sent;
		bool staff = false, public = false;
		/* "Ilse (Dagbesteding)", "Lieke (team webcare)" */
		size_t e = x->end;
		if (e + 1 < c->len && c->t[e] == ' ' && c->t[e + 1] == '(' && last + 1 < c->ntok &&
		    c->tok[last + 1].s == e + 2) {
			size_t u = last + 1, v = u;
			while (v + 1 < c->ntok && c->tok[v + 1].sent == s && v < u + 2 && c->t[c->tok[v].e] != ')')
				v++;
			if (c->tok[v].e < c->len && c->t[c->tok[v].e] == ')')
				for (size_t w = u; w <= v && !staff; w++)
					staff = unit_word(c, &c->tok[w]);
		}
		/* "de patiënten van Ingrid", "de valpreventiegroep van Marit" */
		if (!staff && i >= 2 && c->tok[i - 2].sent == s && tok_in(c, &c->tok[i - 1], (const char *const[]){"van", NULL})) {
			const struct tok *h = &c->tok[i - 2];
			size_t hn = h->e - h->s;
			staff = tok_in(c, h, heads) ||
			        (hn > 6 && !h->cap && !memcmp(c->lt + h->e - 5, "groep", 5) && !tok_in(c, h, not_groups));
		}
		/* "moderator Wendy of Arjen": the pair's first in a role */
		if (!staff && j > 0 && r->v[j - 1].type == SCAN_NAME && r->v[j - 1].confidence <= STAFF_CONF &&
		    r->v[j - 1].confidence >= 0.3 && names_or_joined(c, r->v[j - 1].end, x->start)) {
			size_t pi = tok_first_at(c, r->v[j - 1].start);
			staff = pi > 0 && pi < c->ntok && c->tok[pi - 1].sent == s &&
			        (work_word(c, &c->tok[pi - 1]) || (c->tok[pi - 1].flags & W_ROLE));
		}
		/* "ervaringsdeskundige vader Tim Oosterhuis", "ervaringsdeskundige
		 * ouder Annelies de Wit": a role, then whose parent they are */
		if (!staff && i >= 2 && c->tok[i - 2].sent == s && ((c->tok[i - 1].flags & W_FAMILY) ||
		    tok_in(c, &c->tok[i - 1], (const char *const[]){"ouder", NULL})) &&
		    !c->tok[i - 1].cap && work_word(c, &c->tok[i - 2]))
			staff = true;
		/* batch 130: "Ik ben Jasmijn, sinds vandaag moderator van deze groep,
		 * samen met Okke": the writer's role right after their name, and
		 * who shares it */
		if (!staff && self_named(c, x) && x->end < c->len && c->t[x->end] == ',')
			for (size_t u = last + 1; u < c->ntok && u <= last + 4 && c->tok[u].sent == s && !staff; u++)
				staff = work_word(c, &c->tok[u]);
		if (!staff && i >= 2 && c->tok[i - 2].sent == s && tok_in(c, &c->tok[i - 1], (const char *const[]){"met", NULL}) &&
		    tok_in(c, &c->tok[i - 2], (const char *const[]){"samen", NULL}))
			for (size_t k2 = 0; k2 < j && !staff; k2++)
				staff = r->v[k2].type == SCAN_NAME && r->v[k2].confidence <= STAFF_CONF &&
				        r->v[k2].confidence >= 0.3 && sentence_of(c, r->v[k2].start) == s;
		/* batch 132: "Vragen kunnen naar Jacqueline Wever", "Vragen aan Koos
		 * of Ilona": where to take questions (14 of 14 such names staff in the
		 * labelled texts) */
		if (!staff) {
			size_t f = tok_first_at(c, c->sent_at[s]);
			if (f < i && f + 3 >= i && tok_in(c, &c->tok[f], (const char *const[]){"vragen", NULL}) && c->tok[f].cap &&
			    tok_in(c, &c->tok[i - 1], (const char *const[]){"naar", "aan", "bij", NULL}))
				staff = true;
			else if (f + 3 < i && j > 0 && r->v[j - 1].type == SCAN_NAME && r->v[j - 1].confidence == STAFF_CONF &&
			         names_or_joined(c, r->v[j - 1].end, x->start) && tok_in(c, &c->tok[f], (const char *const[]){"vragen", NULL}))
				staff = true;
		}
		/* batch 133: "Esther, die na 22 jaar afscheid neemt": a farewell
		 * after years of work (26 of 32 such sentences' names in posts
		 * without client data; the others hold the colleague's age or
		 * illness, which still count; a client leaving after years is told
		 * with their health: "Dirk neemt na 12 jaar afscheid, ... vanwege zijn
		 * parkinson") */
		if (!staff && !told_ill && !(c->tok[i].flags & (W_TITLE | W_FAMILY))) {
			bool after_years = false, leaves = false;
			for (size_t t = tok_first_at(c, c->sent_at[s]); t + 2 < c->ntok && c->tok[t].sent == s; t++) {
				leaves = leaves || tok_in(c, &c->tok[t], (const char *const[]){"afscheid", "pensioen", "stopt",
				                                                              "vertrekt", "stoppen", NULL});
				after_years = after_years || (tok_in(c, &c->tok[t], (const char *const[]){"na", NULL}) &&
				                              digit_at(c, c->tok[t].e + 1) &&
				                              (tok_in(c, &c->tok[t + 1], (const char *const[]){"jaar", NULL}) ||
				                               tok_in(c, &c->tok[t + 2], (const char *const[]){"jaar", NULL})));
			}
			staff = after_years && leaves;
		}
		/* batch 136: the role and whom it serves before a comma and a title
		 * ("de klachtenfunctionaris van de gemeente, mevrouw Van der Linden";
		 * not a greeting, "Beste collega's van de praktijk, mw. Arslan ...") */
		if (!staff && i >= 5 && (c->tok[i].flags & W_TITLE) && c->tok[i - 5].sent == s &&
		    tok_in(c, &c->tok[i - 5], (const char *const[]){"de", "onze", "uw", "jullie", NULL}) &&
		    memchr(c->t + c->tok[i - 1].e, ',', c->tok[i].s - c->tok[i - 1].e) &&
		    tok_in(c, &c->tok[i - 2], (const char *const[]){"de", "het", NULL}) &&
		    tok_in(c, &c->tok[i - 3], (const char *const[]){"van", NULL}) && !c->tok[i - 4].cap &&
		    ((c->tok[i - 4].flags & W_ROLE) || work_word(c, &c->tok[i - 4])))
			staff = true;
		/* batch 135: "POH ouderen Mirjam de Leeuw", "POH-GGZ Sanne": a role and
		 * its field */
		if (!staff && i >= 2 && c->tok[i - 2].sent == s && work_word(c, &c->tok[i - 2]) &&
		    tok_in(c, &c->tok[i - 1], (const char *const[]){"ouderen", "ggz", "jeugd", "somatiek", "ouderenzorg",
		                                                   "kinderen", "volwassenen", NULL}))
			staff = true;
		/* "Lize Veenstra speelt de hoofdrol" */
		if (!staff && last + 3 < c->ntok && c->tok[last + 3].sent == s &&
		    tok_in(c, &c->tok[last + 1], (const char *const[]){"speelt", "speelde", NULL}) &&
		    tok_in(c, &c->tok[last + 2], (const char *const[]){"de", "een", NULL}) &&
		    tok_in(c, &c->tok[last + 3], (const char *const[]){"hoofdrol", "rol", "titelrol", "bijrol", NULL}))
			public = true;
		/* "Marc Vermeulen volgt in juni Ingrid Lam op": the sentence has
		 * "volgt" right after a name and closes the clause with "op" (or
		 * "op als <role>") */
		if (!staff && !public) {
			size_t a = NONE;
			for (size_t t = tok_first_at(c, c->sent_at[s]); t < c->ntok && c->tok[t].sent == s; t++)
				if (tok_in(c, &c->tok[t], (const char *const[]){"volgt", "volgde", NULL}) && t > 0 &&
				    c->tok[t - 1].sent == s && c->tok[t - 1].cap) {
					a = t;
					break;
				}
			if (a != NONE)
				for (size_t t = a + 1; t < c->ntok && c->tok[t].sent == s && t <= a + 10 && !staff; t++)
					if (c->tok[t].e - c->tok[t].s == 2 && !strncmp(c->t + c->tok[t].s, "op", 2) &&
					    (t + 1 >= c->ntok || c->tok[t + 1].sent != s || c->t[c->tok[t].e] == ',' ||
					     c->t[c->tok[t].e] == '.' || tok_in(c, &c->tok[t + 1], (const char *const[]){"als", NULL})))
						staff = x->start < c->tok[t].s;
		}
		if (staff || public) {
			x->confidence = public ? 0.3 : STAFF_CONF;
			continue;
		}
		/* "voor Poolse verzorgenden" */
		if (i == last && nationality_adjective(c, &c->tok[i]) && i + 1 < c->ntok && c->tok[i + 1].sent == s &&
		    !c->tok[i + 1].cap)
			x->confidence = 0.3;
		/* "Nou, vandaag heb ik ..." (batch 130): a word said, no name */
		if (i == last && x->end < c->len && (c->t[x->end] == ',' || c->t[x->end] == '!') &&
		    tok_in(c, &c->tok[i], (const char *const[]){"nou", "tja", "ach", "joh", "jee", "jeetje", "hee", "hoi",
		                                               "nee", "ja", "oke", "oké", "zeg", "hoor", "kijk", "goh", NULL}))
			x->confidence = 0.3;
	}
}

/*
 * Wave 30 (batch 127): a group, a meeting or a course named after a
 * condition is no one's health — "de COPD-lotgenotengroep", "Onze
 * Parkinson-danslessen", "het MS-café" (in all labelled texts such a word
 * is health 2 times of 232, both a person's own group: "NA-groep dinsdag,
 * jullie zijn mijn familie"): one word, the condition, a hyphen, then what
 * is organised.  A hint.
 */
static void demote_condition_groups(struct ctx *c)
{
	static const char *const what[] = {"lotgenotengroep", "lotgenotencontact", "lotgenoten", "café", "cafe",
		"danslessen", "dansles", "vereniging", "patiëntenvereniging", "spreekuur", "webinar", "cursus", "avond",
		"dag", "week", "les", "lessen", "training", "wandeling", "wandelgroep", "koor", "beweeggroep",
		"netwerk", "inloop", "fonds", "collecte", "poli", "verpleegkundige", "consulent", NULL};
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type != SCAN_HEALTH || x->confidence < SCAN_COUNT_CONF || x->end - x->start > 40)
			continue;
		const char *h = memrchr(c->t + x->start, '-', x->end - x->start);
		if (!h || h == c->t + x->start || memchr(c->t + x->start, ' ', x->end - x->start))
			continue;
		char w[24];
		size_t n = (size_t)(c->t + x->end - h - 1);
		if (n == 0 || n >= sizeof w)
			continue;
		lower_utf8(h + 1, n, w);
		w[n] = '\0';
		if (in_list(w, what))
			x->confidence = 0.4;
	}
}

/*
 * Wave 30 (batch 127): "MS" in capitals is the disease, not the title "Ms"
 * ("nieuwe medicijnen bij progressieve MS. Aanmelden via ..." was a name
 * "MS. Aanmelden").
 */
static void demote_ms_title(struct ctx *c)
{
	struct scan_result *r = c->out;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (x->type == SCAN_NAME && x->end - x->start > 3 && !memcmp(c->t + x->start, "MS", 2) &&
		    (c->t[x->start + 2] == '.' || c->t[x->start + 2] == ' '))
			x->confidence = 0.3;
	}
}

/*
 * Wave 30 (batches 125, 126): an address where no one lives — a post whose
 * only counted findings are addresses, with no one in it: no "ik" or
 * "mijn", no family word or title, no "hij", "zij", "ze", "haar" or "hem",
 * no client, resident or household, no "wie" asking after someone ("Wie
 * woont er op Dorpsstr. 7a?"), no one fetched there, nothing delivered or
 * sent there, no home of one's own ("eindelijk een aangepaste woning!").  The
 * organisation's own door ("Huisartsenpost Westfriesland: Maelsonstraat 3,
 * 1624 NP Hoorn.", "de bus staat klaar op Industrieweg 9") is a hint.
 */
static void demote_unowned_addresses(struct ctx *c)
{
	static const char *const someone[] = {"hij", "zij", "ze", "haar", "hem", "cliënt", "client", "cliënte",
		"bewoner", "bewoonster", "patiënt", "patiente", "gezin", "wie", "iemand", "man", "vrouw", "meisje",
		"jongen", "kind", "baby", "bezorgen", "bezorgd", "sturen", "stuur", "kaartje", "kaartjes", "woont",
		"wonen", "woonde", "verhuisd", "adres", "huisadres", "postadres", "bezoekadres", "mw", "mevr", "dhr",
		"he", "she", "her", "him", "lives", "bewoners", "thuisbezorgd", "woning", "haalt", "brengt",
		/* "De sleutel ligt bij ons op Populier 3." */ "ons", NULL};
	struct scan_result *r = c->out;
	if (!counted_only(r, SCAN_ADDRESS) || has_private_circle(c) || writer_speaks(c))
		return;
	for (size_t t = 0; t < c->ntok; t++)
		if ((c->tok[t].flags & W_TITLE) || tok_in(c, &c->tok[t], someone))
			return;
	/* (someone known by where they live: "Joop van de Dorpsweg 51 wordt
	 * morgen 100!", batch 129) */
	for (size_t j = 0; j < r->n; j++) {
		if (r->v[j].type != SCAN_ADDRESS || r->v[j].confidence < SCAN_COUNT_CONF)
			continue;
		char w[8];
		size_t ws = r->v[j].start;
		if (word_before(c, ws, w, sizeof w, &ws) && (!strcmp(w, "de") || !strcmp(w, "het")) &&
		    !word_before(c, ws, w, sizeof w, &ws))
			continue;
		if ((!strcmp(w, "van") || !strcmp(w, "uit")) && word_before(c, ws, w, sizeof w, &ws) && c->t[ws] >= 'A' &&
		    c->t[ws] <= 'Z')
			return;
	}
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].type == SCAN_ADDRESS && r->v[j].confidence >= SCAN_COUNT_CONF)
			r->v[j].confidence = 0.4;
}

/*
 * Wave 29 (batch 123): a list of tasks and who does them — "Taakverdeling
 * open dag: ontvangst Naima, rondleidingen Stefan en Lex, koffie en thee
 * Ruth" — in a post with no one's family: its people are staff, and its
 * words are tasks, not anyone's health (the health model read "ontvangst").
 */
static void demote_task_lists(struct ctx *c)
{
	static const char *const heads[] = {"taakverdeling", "takenlijst", "dienstindeling", "taken", "bezetting", NULL};
	struct scan_result *r = c->out;
	if (!counted_in(r, r->n, SCAN_NAME))
		return;
	for (size_t si = 0; si < c->nsent; si++) {
		size_t t = tok_first_at(c, c->sent_at[si]);
		if (t >= c->ntok || c->tok[t].sent != si || !tok_in(c, &c->tok[t], heads))
			continue;
		if (has_private_circle(c))
			return;
		size_t a = c->sent_at[si], b = si + 1 < c->nsent ? c->sent_at[si + 1] : c->len;
		bool titled = false;
		/* ("Taken vandaag: mevrouw Jansen wassen": a client's care, left alone) */
		for (size_t u = t; u < c->ntok && c->tok[u].sent == si && !titled; u++)
			titled = (c->tok[u].flags & W_TITLE) && !(c->tok[u].flags & W_ROLE);
		if (titled)
			continue;
		for (size_t j = 0; j < r->n; j++) {
			struct scan_finding *x = &r->v[j];
			if (x->start < a || x->start >= b || x->confidence < SCAN_COUNT_CONF)
				continue;
			if (x->type == SCAN_NAME)
				x->confidence = STAFF_CONF;
			else if (x->type == SCAN_HEALTH)
				x->confidence = 0.4;
		}
	}
}

/*
 * Wave 29 (batch 122): names given to things — "we hebben ze een naam
 * gegeven: Merel en Roos", "zoekt een naam voor de knuffelbeer ... Stem op
 * Bas, Boaz of Sientje" — in a post with no one's family and nothing
 * counted but names: the things' names.
 */
static void demote_given_names(struct ctx *c)
{
	struct scan_result *r = c->out;
	if (!counted_only(r, SCAN_NAME) || !span_has(c, 0, c->len, (const char *const[]){"een naam gegeven", "een naam voor", "naam bedenken",
	                                                            "naamwedstrijd", "een naam geven", "nieuwe naam voor",
	                                                            NULL}) ||
	    has_private_circle(c))
		return;
	for (size_t j = 0; j < r->n; j++)
		if (r->v[j].type == SCAN_NAME && r->v[j].confidence >= SCAN_COUNT_CONF)
			r->v[j].confidence = 0.3;
}

/*
 * Wave 29 (batch 123): the writer's own symptoms in plain verbs, which the
 * health model leaves alone — "Ik slaap slecht en huil na de avonddienst",
 * "ik eet al dagen niks", "ik voel me echt niet oke", "ziek thuis 🤒 kan
 * iemand mn dienst ...", "de biopsie was goedaardig!!! kan eindelijk weer
 * slapen" (a result, where the writer speaks or thanks), "I'm pregnant".
 * The writer is identifiable to the platform (labelling rule 5).  Only
 * where no health finding covers the words yet; after the models.
 */
static void scan_writer_symptoms(struct ctx *c)
{
	static const char *const sleep_[] = {"slecht", "niet", "nauwelijks", "amper", "weinig", NULL};
	static const char *const eat[] = {"niks", "niets", "nauwelijks", "amper", "slecht", NULL};
	static const char *const cry[] = {"veel", "elke", "iedere", "steeds", "vaak", "alleen", "de", "na", "om", NULL};
	static const char *const feel[] = {"slecht", "beroerd", "ziek", "down", "depressief", "leeg", "rot", "somber",
		"ellendig", "misselijk", "duizelig", "uitgeput", "suïcidaal", NULL};
	static const char *const results[] = {"biopsie", "uitslag", "mri", "scan", "ct-scan", "echo", "punctie", "kweek",
		NULL};
	size_t n0 = c->out->n;
	for (size_t i = 0; i + 1 < c->ntok; i++) {
		const struct tok *k = &c->tok[i];
		size_t v = SIZE_MAX, s = k->s, e = 0;
		double conf = 0.6;
		/* "ik slaap ...", or a sentence opened with the verb ("Slaap al
		 * dagen slecht") */
		if (tok_is_ik(c, k))
			v = i + 1;
		else if (i == 0 || c->tok[i - 1].sent != k->sent)
			v = i;
		/* (the verbs' first letters and lengths before the lists) */
		if (v != SIZE_MAX && v < c->ntok) {
			unsigned char f0 = (unsigned char)c->t[c->tok[v].s] | 0x20;
			size_t fn = c->tok[v].e - c->tok[v].s;
			if (fn < 3 || fn > 5 || !(f0 == 's' || f0 == 'e' || f0 == 'h' || f0 == 'v'))
				v = SIZE_MAX;
		}
		if (v != SIZE_MAX && v + 1 < c->ntok && c->tok[v].sent == k->sent && c->tok[v + 1].sent == k->sent) {
			const struct tok *vb = &c->tok[v];
			/* the word that says it, after "al dagen", "al weken bijna"
			 * (at most three words on) */
			size_t w = v + 1;
			while (w < c->ntok && w < v + 4 && c->tok[w].sent == k->sent &&
			       tok_in(c, &c->tok[w], (const char *const[]){"al", "bijna", "nog", "echt", "zo", "heel", "erg",
			                                                  "dagen", "weken", "maanden", "nachten", "jaren", NULL}))
				w++;
			bool in = w < c->ntok && c->tok[w].sent == k->sent;
			if (in && ((tok_in(c, vb, (const char *const[]){"slaap", NULL}) && tok_in(c, &c->tok[w], sleep_)) ||
			           (tok_in(c, vb, (const char *const[]){"eet", NULL}) && tok_in(c, &c->tok[w], eat))))
				e = c->tok[w].e;
			else if (tok_in(c, vb, (const char *const[]){"huil", NULL}) && tok_in(c, &c->tok[v + 1], cry))
				e = c->tok[v + 1].e;
			else if (tok_in(c, vb, (const char *const[]){"voel", NULL}) &&
			         tok_in(c, &c->tok[v + 1], (const char *const[]){"me", "mij", NULL})) {
				/* "voel me (echt) niet oke / niet goed", "voel me (zo) ellendig" */
				size_t f = v + 2;
				while (f < c->ntok && f < v + 4 && c->tok[f].sent == k->sent &&
				       tok_in(c, &c->tok[f], (const char *const[]){"echt", "zo", "heel", "erg", "al", "nog", NULL}))
					f++;
				if (f < c->ntok && c->tok[f].sent == k->sent) {
					if (tok_in(c, &c->tok[f], feel))
						e = c->tok[f].e;
					else if (f + 1 < c->ntok && c->tok[f + 1].sent == k->sent &&
					         tok_in(c, &c->tok[f], (const char *const[]){"niet", NULL}) &&
					         tok_in(c, &c->tok[f + 1], (const char *const[]){"oke", "oké", "ok", "goed", "lekker",
					                                                        "fit", NULL}))
						e = c->tok[f + 1].e;
				}
			}
			if (e && v != i)
				s = k->s;
		}
		/* what the writer's doctor said, opening a sentence: "Huisarts zegt
		 * suikerziekte type 2.", "sportarts zegt stressfractuur in mijn
		 * scheenbeen" (a condition word right after the verb) */
		if (!e && (i == 0 || c->tok[i - 1].sent != k->sent) && k->e - k->s >= 4 && i + 2 < c->ntok &&
		    c->tok[i + 2].sent == k->sent &&
		    ends_with_ascii(c->t + k->s, k->e - k->s, "arts", 4) &&
		    tok_in(c, &c->tok[i + 1], (const char *const[]){"zegt", "zei", "denkt", "vermoedt", NULL})) {
			size_t m = i + 2;
			if (m + 1 < c->ntok && c->tok[m + 1].sent == k->sent &&
			    tok_in(c, &c->tok[m], (const char *const[]){"mogelijk", "waarschijnlijk", "misschien", NULL}))
				m++;
			if (c->tok[m].flags & W_MED) {
				s = c->tok[m].s;
				e = c->tok[m].e;
			}
		}
		/* "ziek thuis" opening a sentence */
		if (!e && (i == 0 || c->tok[i - 1].sent != k->sent) && k->e - k->s == 4 &&
		    tok_in(c, k, (const char *const[]){"ziek", NULL}) &&
		    c->tok[i + 1].sent == k->sent && tok_in(c, &c->tok[i + 1], (const char *const[]){"thuis", NULL}))
			e = c->tok[i + 1].e;
		/* "I'm pregnant", "I am pregnant" */
		if (!e && i >= 1 && k->e - k->s == 8 && (c->t[k->s] | 0x20) == 'p' &&
		    tok_in(c, k, (const char *const[]){"pregnant", NULL}) &&
		    tok_in(c, &c->tok[i - 1], (const char *const[]){"m", "am", "i'm", "im", NULL})) {
			s = c->tok[i - 1].s;
			e = k->e;
		}
		/* a result the writer thanks for: "de biopsie was goedaardig" */
		if (!e && i + 2 < c->ntok && c->tok[i + 1].e - c->tok[i + 1].s <= 3 &&
		    ((c->t[c->tok[i + 1].s] | 0x20) == 'w' || (c->t[c->tok[i + 1].s] | 0x20) == 'i') &&
		    tok_in(c, k, results) && c->tok[i + 2].sent == k->sent &&
		    tok_in(c, &c->tok[i + 1], (const char *const[]){"was", "is", NULL}) &&
		    tok_in(c, &c->tok[i + 2], (const char *const[]){"goed", "goedaardig", "schoon", "gunstig", NULL}) &&
		    (writer_speaks(c) ||
		     span_has(c, 0, c->len, (const char *const[]){"dank", "thx", "bedankt", "support", "duimen", "meeleven",
		                                                  NULL}))) {
			e = c->tok[i + 2].e;
			/* (the writer's own, shared with thanks: linked, so no rule for
			 * health in general takes it) */
			conf = HEALTH_LINKED_CONF;
		}
		if (!e)
			continue;
		bool covered = false;
		for (size_t f = 0; f < n0 && !covered; f++)
			covered = c->out->v[f].type == SCAN_HEALTH && c->out->v[f].start < e && c->out->v[f].end > s &&
			          c->out->v[f].confidence >= SCAN_COUNT_CONF;
		if (!covered)
			add_finding(c, SCAN_HEALTH, s, e, conf);
	}
}

/*
 * Wave 29 (batch 121): the person a post opens by speaking to — "Rob,
 * welkom terug in de groep! Goed dat je er weer bent na je opname", "Roos,
 * beterschap!": a first name the lists hold (an ordinary word too: rob,
 * roos, merel), a comma, and "je", "jij", a welcome or a wish in that
 * sentence.  Only where the rules found no name there at all.
 */
static void scan_vocative_names(struct ctx *c)
{
	static const char *const you[] = {"je", "jij", "jou", "jouw", "welkom", "sterkte", "beterschap",
		"gefeliciteerd", "proficiat", "succes", NULL};
	if (c->ntok < 2)
		return;
	const struct tok *k = &c->tok[0];
	if (!k->cap || !(k->flags & W_FIRST) || (k->flags & (W_TITLE | W_ROLE | W_ORG | W_PUBLIC | W_NONAME)) ||
	    k->e + 1 >= c->len || c->t[k->e] != ',' || c->t[k->e + 1] != ' ')
		return;
	for (size_t f = 0; f < c->out->n; f++)
		if (c->out->v[f].start < k->e && c->out->v[f].end > k->s)
			return;
	for (size_t t = 1; t < c->ntok && c->tok[t].sent == k->sent; t++)
		if (tok_in(c, &c->tok[t], you)) {
			add_finding(c, SCAN_NAME, k->s, k->e, 0.6);
			return;
		}
}

/*
 * Wave 29 (batch 121): names that name a place or a body, not a person —
 * after the old genitive "'s" ("'s Heeren Loo", "’s Koonings Jaght"), and
 * in quotes after "heet" where the sentence names a ward or a building
 * ("Onze nieuwe afdeling heet 'De Rembrandt'").
 */
static void demote_named_places(struct ctx *c)
{
	static const char *const buildings[] = {"afdeling", "afdelingen", "huiskamer", "zaal", "ruimte", "gebouw",
		"vleugel", "locatie", "unit", "paviljoen", "woning", "woongroep", "woonvorm", "gang", "kamer", "lokaal",
		"tuin", "huis", "boot", "bus", "zorgboerderij", NULL};
	struct scan_result *r = c->out;
	for (size_t f = 0; f < r->n; f++) {
		struct scan_finding *x = &r->v[f];
		if (x->type != SCAN_NAME || x->confidence < SCAN_COUNT_CONF || x->start < 3)
			continue;
		size_t p = x->start;
		/* (the apostrophe straight or curly, at the start or after a space) */
		size_t q = p >= 5 && !memcmp(c->t + p - 5, "\xe2\x80\x99s ", 5) ? p - 5 :
		           !memcmp(c->t + p - 3, "'s ", 3) ? p - 3 : SIZE_MAX;
		if (q != SIZE_MAX && (q == 0 || c->t[q - 1] == ' ' || c->t[q - 1] == '(')) {
			x->confidence = 0.3;
			continue;
		}
		/* "de zaal bij Van der Valk": a listed public name the name rules
		 * cut after its capital "Van" */
		if (p >= 4 && !strncmp(c->t + p - 4, "Van ", 4) && (p == 4 || c->t[p - 5] == ' ') &&
		    is_public(c, p - 4, x->end)) {
			x->confidence = 0.3;
			continue;
		}
		if (c->t[p - 1] != '\'' && c->t[p - 1] != '"')
			continue;
		char w[8];
		size_t ws;
		if (!word_before(c, p - 1, w, sizeof w, &ws) ||
		    !(!strcmp(w, "heet") || !strcmp(w, "heten") || !strcmp(w, "genaamd") || !strcmp(w, "oude")))
			continue;
		size_t si = sentence_of(c, p);
		for (size_t t = tok_first_at(c, c->sent_at[si]); t < c->ntok && c->tok[t].sent == si; t++)
			if (tok_in(c, &c->tok[t], buildings)) {
				x->confidence = 0.3;
				break;
			}
	}
}

/*
 * Wave 29 (batch 121): an organisation's people named as its team — thanked
 * in a list that ends in the rest of them ("Dat danken we aan Jolanda,
 * Fenne, Kübra, Anton en alle andere toppers", "... en de rest van het
 * team"), or heard at its meeting ("Informatieavond dinsdag 19 januari ...
 * Je hoort pleegouder Gert-Jan Wolters en pleegzorgwerker Aisha Bouzid
 * vertellen"): staff and speakers in their role (labelling rule 5).  Only
 * where nothing but names counts and no one's family is in the post.  The
 * last pass.
 */
static bool demote_team_lists(struct ctx *c)
{
	static const char *const rest[] = {"alle andere ", "al onze ", "al die andere ", "de rest van het team",
		"het hele team", "alle collega", "alle medewerkers", "alle vrijwilligers", NULL};
	static const char *const heard[] = {"je hoort ", "u hoort ", "hoor je ", "hoort u ", "vertellen over",
		"vertelt over", "vertellen hoe", "vertellen wat", "vertellen waarom", NULL};
	struct scan_result *r = c->out;
	bool names = false;
	/* (names, and the contact lines the organisation's own may be) */
	for (size_t j = 0; j < r->n; j++) {
		if (r->v[j].confidence < SCAN_COUNT_CONF)
			continue;
		if (r->v[j].type != SCAN_NAME && r->v[j].type != SCAN_ADDRESS && r->v[j].type != SCAN_PHONE &&
		    r->v[j].type != SCAN_EMAIL)
			return false;
		names |= r->v[j].type == SCAN_NAME;
	}
	if (!names || has_private_circle(c))
		return false;
	int meeting = -1; /* read when first asked */
	size_t done = SIZE_MAX;
	bool team = false, changed = false;
	for (size_t j = 0; j < r->n; j++) {
		struct scan_finding *x = &r->v[j];
		if (!plain_name(c, x))
			continue;
		size_t s = sentence_of(c, x->start);
		if (s != done) {
			done = s;
			size_t e = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
			/* the rest of the team after the name */
			team = span_has(c, x->end, e, rest);
			if (!team && sentence_has(c, s, heard)) {
				if (meeting < 0)
					meeting = text_has_meeting(c) || (clock_time(c) && event_date(c));
				team = meeting > 0;
			}
		}
		/* (batch 122) a speaker brought "met" a role at an evening: "met
		 * ervaringsdeskundige vader Tim Oosterhuis. Dinsdag 20 januari,
		 * 19.30 uur" */
		bool speaker = false;
		size_t i = tok_first_at(c, x->start);
		for (size_t b = i; !team && !speaker && b-- > 0 && b + 4 > i && c->tok[b].sent == c->tok[i].sent;) {
			if (!role_like(c, &c->tok[b]) && !work_word(c, &c->tok[b]))
				continue;
			speaker = b > 0 && c->tok[b - 1].sent == c->tok[i].sent &&
			          tok_in(c, &c->tok[b - 1], (const char *const[]){"met", "door", NULL});
		}
		if (speaker) {
			if (meeting < 0)
				meeting = text_has_meeting(c) || (clock_time(c) && event_date(c));
			speaker = meeting > 0;
		}
		if (team || speaker) {
			x->confidence = STAFF_CONF;
			changed = true;
		}
	}
	return changed;
}

/*
 * After batch 44: a medical word owned by a first name ("Ondanks de rolstoel
 * van Kees hebben we de hele boulevard gedaan"): that person's, even where
 * the rules took the name for the writer's signature (a writer who names
 * themselves is identifiable, labelling rule 5).  After scan_health, outside
 * the health model's rows (a feature of its own would retrain it).
 */
static void scan_owned_health(struct ctx *c)
{
	size_t n0 = c->out->n;
	unsigned char *found = NULL;
	for (size_t i = 0; i + 2 < c->ntok; i++) {
		const struct tok *k = &c->tok[i], *v = &c->tok[i + 1], *nm = &c->tok[i + 2];
		if (!(k->flags & W_MED) || nm->sent != k->sent || v->sent != k->sent || v->e - v->s != 3 ||
		    memcmp(c->t + v->s, "van", 3) != 0 || !nm->cap || !(nm->flags & W_FIRST) ||
		    (nm->flags & (W_AMBIG | W_PUBLIC)))
			continue;
		add_uncovered(c, &found, n0, SCAN_HEALTH, i, k->s, k->e, 0.6);
	}
	free(found);
}

/*
 * "de voorstelling \"Meneer en mevrouw Jansen gaan op reis\"", "het boek
 * \"Oma Mies wordt vergeetachtig\"": a name inside the quoted title of a work
 * (a publication word just before or after the quotes) is a character, and
 * the health words of that sentence belong to the story.  One pass over the
 * text and the sorted findings.
 */
static void demote_quoted_titles(struct ctx *c)
{
	struct scan_result *r = c->out;
	size_t f = 0, open = SIZE_MAX;
	bool single = false;
	for (size_t p = 0; p < c->len && f < r->n; p++) {
		unsigned char ch = (unsigned char)c->t[p];
		/* only quotes and line ends matter: skip the rest fast (this loop runs
		 * to the last finding, often the end of the text) */
		if (ch != '"' && ch != '\'' && ch != 0xe2 && ch != '\n')
			continue;
		bool ascii = ch == '"';
		bool lq = ch == 0xe2 && p + 2 < c->len && (unsigned char)c->t[p + 1] == 0x80 &&
		          (unsigned char)c->t[p + 2] == 0x9c;
		bool rq = ch == 0xe2 && p + 2 < c->len && (unsigned char)c->t[p + 1] == 0x80 &&
		          (unsigned char)c->t[p + 2] == 0x9d;
		/* wave 13: a title in single quotes, "'Geen dag hetzelfde' van ...": it
		 * opens after a space, a colon or a bracket before a capital, and
		 * closes before a space or punctuation (not "'s", "z'n", "'52") */
		bool sq_open = ch == '\'' && (p == 0 || strchr(" :(", c->t[p - 1])) && p + 1 < c->len &&
		               is_cap(c->t, p + 1, c->len) && !(p + 2 < c->len && c->t[p + 2] == ' ');
		bool sq_close = ch == '\'' && single && p > 0 && c->t[p - 1] != ' ' &&
		                (p + 1 >= c->len || strchr(" ,.;:!?)", c->t[p + 1]));
		if (ch == '\n')
			open = SIZE_MAX;
		if (open == SIZE_MAX && (ascii || lq || sq_open)) {
			open = p;
			single = sq_open;
			continue;
		}
		if (open == SIZE_MAX || (single ? !sq_close : !(ascii || rq)))
			continue;
		size_t qs = open, qe = p + 1;
		open = SIZE_MAX;
		while (f < r->n && r->v[f].start < qs)
			f++;
		if (qe - qs > 120 || f >= r->n)
			continue;
		/* wave 11: the maker after the title, "\"Hersenschimmen\" van J.
		 * Bernlef", "\"The Father\" met Anthony Hopkins" */
		size_t credit = SIZE_MAX;
		{
			char w[8];
			size_t we;
			if (word_after(c, qe, w, sizeof w, &we) &&
			    (!strcmp(w, "van") || !strcmp(w, "met") || !strcmp(w, "door") || !strcmp(w, "by") ||
			     !strcmp(w, "with")))
				for (size_t g = f; g < r->n && r->v[g].start <= we + 2; g++)
					if (r->v[g].type == SCAN_NAME && r->v[g].start > we)
						credit = g;
		}
		if (r->v[f].start >= qe && credit == SIZE_MAX)
			continue;
		/* wave 26 (batch 114): a book read aloud ("Heeft iemand 'Ronja de
		 * roversdochter' nog liggen? We willen het voorlezen ...") */
		static const char *const reading[] = {"voorlezen", "voorgelezen", "uitgelezen", "herlezen", "leesboek",
			"kinderboek", "prentenboek", "recensie", NULL};
		if (!window_has(c, back(qs, 60), qs, pubctx) &&
		    !window_has(c, qe, qe + 60 < c->len ? qe + 60 : c->len, pubctx) &&
		    !window_has(c, qe, qe + 120 < c->len ? qe + 120 : c->len, reading))
			continue;
		if (credit != SIZE_MAX)
			r->v[credit].confidence = 0.3;
		/* the findings of this sentence, at most 64 each way (no quadratic
		 * path on a long sentence full of quotes) */
		size_t sent = sentence_of(c, qs);
		size_t ss = c->sent_at[sent], se = sent + 1 < c->nsent ? c->sent_at[sent + 1] : c->len;
		size_t lo = f, hi = f;
		while (lo > 0 && f - lo < 64 && r->v[lo - 1].start >= ss)
			lo--;
		while (hi < r->n && hi - f < 64 && r->v[hi].start < se)
			hi++;
		bool other = false;
		for (size_t g = lo; g < hi && !other; g++) {
			const struct scan_finding *x = &r->v[g];
			if (x->start >= qs && x->end <= qe)
				continue;
			other = x->confidence >= SCAN_COUNT_CONF && (x->type == SCAN_NAME || x->type == SCAN_ROOM);
		}
		for (size_t g = f; g < hi && r->v[g].start < qe; g++)
			if (r->v[g].type == SCAN_NAME && r->v[g].end <= qe)
				r->v[g].confidence = 0.3;
		for (size_t g = lo; !other && g < hi; g++)
			if (r->v[g].type == SCAN_HEALTH && r->v[g].confidence < 0.9)
				r->v[g].confidence = 0.3;
	}
}

/*
 * Wave 25 (batch 107): the people of a story are characters.  A sentence
 * with a title or a quoted line in it and a word of a work of fiction or
 * music ("In de serie 'Onder water' raakt de 17-jarige hoofdpersoon Ties
 * verslaafd", "'Ik heb een feestje in mijn hoofd ...', zingt de hoofdpersoon
 * in de jeugdmusical", "uit het nummer 'Spiegel' van Mila Ferreira", "de
 * debuutroman van Jolien Vos"), and after it a sentence with such a word
 * ("de ouders in de serie"), keeps its names, ages and health as hints —
 * unless the writer's family is in it ("Mijn dochter speelt de hoofdpersoon").
 */
static void demote_story_people(struct ctx *c)
{
	static const char *const works[] = {"hoofdpersoon", "hoofdpersonage", "personage", "personages", "romanfiguur",
		"roman", "debuutroman", "jeugdroman", "musical", "jeugdmusical", "serie", "tv-serie", "film", "speelfilm",
		"single", "songtekst", "liedtekst", "boekje", "kinderboek", "prentenboek", "jeugdboek", "toneelstuk",
		"nummer", "hoorspel", "strip", "stripboek", "novelle", "verhaal",
		/* wave 26 (batch 114): "Boekrecensie: in 'Het meisje dat de stilte
		 * hoorde' van Eline Postma volgen we Luna, een tiener met ..." */
		"boekrecensie", "recensie", "boekbespreking", NULL};
	struct scan_result *r = c->out;
	if (r->n == 0)
		return;
	bool story = false;
	size_t f = 0;
	for (size_t s = 0; s < c->nsent && f < r->n; s++) {
		size_t ss = c->sent_at[s], se = s + 1 < c->nsent ? c->sent_at[s + 1] : c->len;
		/* the quote first: a byte test, and most sentences have none (the
		 * words are read only in a sentence with one, or after a story) */
		bool quote = story;
		for (size_t p = ss; p < se && !quote; p++) {
			unsigned char ch = (unsigned char)c->t[p];
			quote = ch == '"' || (ch == 0xe2 && p + 2 < se && (unsigned char)c->t[p + 1] == 0x80 &&
			                      ((unsigned char)c->t[p + 2] == 0x9c || (unsigned char)c->t[p + 2] == 0x98)) ||
			        (ch == '\'' && (p == ss || strchr(" :(", c->t[p - 1])) && is_cap(c->t, p + 1, c->len));
		}
		if (!quote)
			continue;
		bool work = false, kin = false;
		for (size_t t = tok_first_at(c, ss); t < c->ntok && c->tok[t].s < se; t++) {
			const struct tok *k = &c->tok[t];
			/* wave 30 (batch 125): "verhaal uit de praktijk (met
			 * toestemming)" is a client's own story, not a work */
			if (k->e - k->s == 7 && !memcmp(c->lt + k->s, "verhaal", 7) && t + 3 < c->ntok &&
			    tok_in(c, &c->tok[t + 1], (const char *const[]){"uit", NULL}) &&
			    tok_in(c, &c->tok[t + 3], (const char *const[]){"praktijk", NULL}))
				continue;
			work = work || ((k->e - k->s) >= 4 && tok_in(c, k, works));
			kin = kin || (tok_in(c, k, (const char *const[]){"mijn", "m'n", "mn", "onze", "ons", "mien", NULL}) &&
			              t + 1 < c->ntok && (c->tok[t + 1].flags & W_FAMILY));
		}
		if (!work || kin)
			continue;
		story = true;
		while (f < r->n && r->v[f].start < ss)
			f++;
		for (size_t g = f; g < r->n && r->v[g].start < se; g++) {
			struct scan_finding *x = &r->v[g];
			if ((x->type == SCAN_NAME || x->type == SCAN_DATE_OF_BIRTH || x->type == SCAN_HEALTH) &&
			    x->confidence <= 0.9)
				x->confidence = 0.3;
		}
	}
}

static int type_rank(enum scan_type t)
{
	static const int rank[SCAN_NTYPES] = {
		[SCAN_PATIENT_NUMBER] = 10, [SCAN_BSN] = 9, [SCAN_IBAN] = 8, [SCAN_DATE_OF_BIRTH] = 7,
		[SCAN_EMAIL] = 6, [SCAN_PHONE] = 5, [SCAN_ADDRESS] = 4, [SCAN_ROOM] = 3,
		[SCAN_NAME] = 2, [SCAN_HEALTH] = 1,
	};
	return rank[t];
}

static int cmp_start(const void *a, const void *b)
{
	const struct scan_finding *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return type_rank(y->type) - type_rank(x->type);
}

static void sort_findings(struct scan_result *r)
{
	if (r->n > 1)
		qsort(r->v, r->n, sizeof *r->v, cmp_start);
}

/* Drop the lower-ranked of two overlapping findings; merge touching addresses. */
static void resolve(struct scan_result *r, const char *text)
{
	size_t n = r->n;
	bool *dead = xcalloc(n ? n : 1, sizeof *dead);
	for (size_t i = 0; i < n; i++) {
		if (dead[i])
			continue;
		for (size_t j = i + 1; j < n && r->v[j].start < r->v[i].end + 3; j++) {
			if (dead[j])
				continue;
			struct scan_finding *a = &r->v[i], *b = &r->v[j];
			if (b->start >= a->end) {
				/* "Kerkstraat 5, 1234 AB" is one address */
				if (a->type != SCAN_ADDRESS || b->type != SCAN_ADDRESS ||
				    text[b->start] < '0' || text[b->start] > '9')
					continue;
				bool gap = true;
				for (size_t p = a->end; p < b->start; p++)
					gap &= text[p] == ' ' || text[p] == ',';
				if (!gap)
					continue;
			}
			/* health may overlap a name only if it isn't one; otherwise the higher rank wins */
			if (a->type == b->type) {
				if (b->end > a->end)
					a->end = b->end;
				if (b->confidence > a->confidence)
					a->confidence = b->confidence;
				dead[j] = true;
			} else if (type_rank(a->type) >= type_rank(b->type)) {
				dead[j] = true;
			} else {
				dead[i] = true;
				break;
			}
		}
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (dead[i])
			continue;
		r->v[k++] = r->v[i];
	}
	r->n = k;
	free(dead);
}

/* Keep only digits and letters, lowered, with +31/0031 written as 0. */
static size_t normalise(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n && k < cap; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == ' ' || ch == '-' || ch == '.' || ch == '(' || ch == ')' || ch == '/' ||
		    ch == ',' || ch == '\t' || ch == '\n')
			continue;
		if (ch == '+') {
			if (i + 2 < n && s[i + 1] == '3' && s[i + 2] == '1') {
				out[k++] = '0';
				i += 2;
			}
			continue;
		}
		out[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	if (k >= 4 && memcmp(out, "0031", 4) == 0) {
		memmove(out + 1, out + 4, k - 4);
		k -= 3;
	}
	/* "+31 (0)20" normalises to "0020": drop the doubled zero */
	if (k >= 2 && out[0] == '0' && out[1] == '0') {
		memmove(out, out + 1, k - 1);
		k--;
	}
	return k;
}

static bool ignored(const struct scan_policy *pol, const char *t, const struct scan_finding *f)
{
	if (!pol || !pol->ignore || f->type == SCAN_NAME || f->type == SCAN_HEALTH)
		return false;
	char a[256], b[256];
	size_t na = normalise(t + f->start, f->end - f->start, a, sizeof a);
	if (na == 0)
		return false;
	for (const char *const *ig = pol->ignore; *ig; ig++) {
		size_t nb = normalise(*ig, strlen(*ig), b, sizeof b);
		if (nb >= na && memmem(b, nb, a, na))
			return true;
	}
	return false;
}

static enum scan_verdict verdict_of(const struct scan_policy *pol, const struct scan_finding *f)
{
	enum scan_action act = pol ? pol->action[f->type] : SCAN_ACT_DEFAULT;
	if (act == SCAN_ACT_OFF)
		return SCAN_OK;
	if (act == SCAN_ACT_WARN)
		return SCAN_WARN;
	if (act == SCAN_ACT_BLOCK)
		return SCAN_BLOCK;
	if (f->type == SCAN_HEALTH)
		return f->confidence >= HEALTH_LINKED_CONF ? SCAN_BLOCK : SCAN_WARN;
	return scan_type_default(f->type);
}

enum scan_verdict scan_type_default(enum scan_type t)
{
	switch (t) {
	case SCAN_BSN:
	case SCAN_IBAN:
	case SCAN_PATIENT_NUMBER:
	case SCAN_DATE_OF_BIRTH:
		return SCAN_BLOCK;
	default:
		return SCAN_WARN;
	}
}

enum scan_verdict scan_finding_verdict(const struct scan_policy *pol, const struct scan_finding *f)
{
	return f->confidence >= SCAN_COUNT_CONF ? verdict_of(pol, f) : SCAN_OK;
}

int scan_text(const char *text, size_t len, const struct scan_policy *pol, struct scan_result *out)
{
	int rc = scan_init();
	if (rc)
		return rc;
	out->n = 0;
	out->verdict = SCAN_OK;
	if (len > SCAN_MAX_TEXT)
		return ERR_TOOBIG;
	if (len == 0)
		return 0;
	struct ctx c = {.t = text, .len = len, .out = out};
	c.capsent = 64;
	c.sent_at = xmalloc(c.capsent * sizeof *c.sent_at);
	c.md = pcre2_match_data_create(8, NULL);
	if (!c.md)
		abort();
	tokenize(&c);
	for (size_t i = 0; i < c.ntok && !c.family; i++)
		c.family = (c.tok[i].flags & W_FAMILY) != 0;
	c.veto = xcalloc(c.ntok ? c.ntok : 1, sizeof *c.veto);
	memo_alloc(&c);
	scan_emails(&c);
	scan_patterns(&c);
	scan_names(&c);
	scan_hashtag_names(&c);
	scan_handle_names(&c);
	scan_initials_names(&c);
	scan_coded_numbers(&c); /* after the names: "mevr. Vos (CL-88213)" */
	/* Names inside streets or e-mail addresses are part of those, not people. */
	sort_findings(out);
	resolve(out, text);
	scan_tagged_names(&c);
	sort_findings(out);
	scan_name_companions(&c);
	demote_signature(&c);
	demote_after_staff(&c, false);
	demote_staff_again(&c);
	demote_org_contacts(&c);
	demote_contact_lines(&c);
	demote_work_mobiles(&c);
	drop_pet_names(&c);
	drop_idiom_names(&c);
	scan_lower_objects(&c); /* before the ages: "onze pien is 3" */
	scan_dates(&c);
	sort_findings(out);
	scan_ages(&c);
	sort_findings(out); /* person_near searches the findings so far by start */
	scan_age_words(&c);
	scan_clause_ages(&c);
	sort_findings(out);
	scan_ward_codes(&c);
	scan_obf_emails(&c);
	scan_word_phones(&c);
	scan_mixed_phones(&c);
	scan_letter_o_phones(&c);
	scan_subject_names(&c);
	demote_facility_rooms(&c);
	scan_health(&c);
	flush_late(&c);
	scan_owned_health(&c);
	scan_staff_health(&c);
	demote_plain_health(&c);
	demote_named_things(&c);
	demote_webcare_signature(&c);
	demote_meeting_rooms(&c);
	demote_anonymous_case(&c);
	scan_bracket_names(&c);
	scan_self_names(&c);
	scan_aged_hints(&c);
	scan_short_rooms(&c);
	scan_wristbands(&c);
	scan_birth_weights(&c);
	scan_study_numbers(&c);
	scan_numbered_words(&c);
	scan_dates_after_names(&c);
	scan_old_dates(&c);
	scan_vocative_names(&c);
	scan_writer_symptoms(&c);
	scan_bp_readings(&c);
	scan_child_months(&c);
	scan_late_ages(&c);
	sort_findings(out);
	resolve(out, text);
	scan_late_conditions(&c);
	scan_compound_names(&c);
	scan_farm_surnames(&c);
	sort_findings(out);
	demote_venue_after_kind(&c);
	demote_quoted_titles(&c);
	demote_story_people(&c);
	demote_stranger_health(&c); /* after the late conditions ("afkickkliniek") */
	demote_org_lines(&c, false);
	demote_service_years(&c);
	demote_memorial(&c);
	demote_team_post(&c);
	demote_training_case(&c);
	demote_public_health(&c);
	demote_not_ill(&c);
	demote_figures(&c);
	demote_named_beings(&c);
	demote_role_health(&c);
	demote_staff_news(&c);
	demote_role_signoff(&c);
	demote_generic_health(&c);
	demote_hooked_on(&c);
	demote_sick_things(&c);
	demote_hyperbole(&c);
	demote_clergy(&c);
	demote_work_numbers(&c);
	demote_venue_names(&c);
	demote_institution_names(&c);
	demote_org_mail(&c);
	demote_our_staff(&c);
	demote_payment_reference(&c);
	demote_org_own_lines(&c);
	demote_born_how(&c);
	demote_it_lasted(&c);
	demote_places(&c);
	trim_name_places(&c);
	demote_hyphen_things(&c);
	demote_foreign_greetings(&c);
	demote_complimented(&c);
	demote_timetable_staff(&c);
	demote_named_workers(&c);
	demote_self_intro_contacts(&c);
	demote_teachers(&c);
	demote_led_by(&c);
	demote_event_speakers(&c);
	demote_contact_people(&c);
	demote_staff_numbers(&c);
	demote_body_accounts(&c);
	demote_durations(&c);
	demote_times_signatures(&c);
	demote_reply_handle(&c);
	/* wave 20: once more, now that the names of staff, ministers and
	 * contact people are demoted ("Vrijwilliger Gert Slot helpt u graag.
	 * Kerkplein 5, 14.00-16.00") */
	demote_named_places(&c); /* (wave 29: before the organisation's lines are read again) */
	demote_org_lines(&c, true);
	/* wave 25 (batch 107): and what follows the names demoted since
	 * as staff ("loopleider is Hamid (06-44 81 27 09)") */
	demote_after_staff(&c, true);
	/* wave 27: and a building's or a department's line, once the names
	 * demoted since no longer count */
	demote_building_lines(&c);
	demote_event_dates(&c);
	demote_season_greetings(&c);
	/* (and the organisation's lines again, once its people are its staff) */
	if (demote_team_lists(&c))
		demote_org_lines(&c, true);
	demote_given_names(&c);
	demote_task_lists(&c);
	demote_unowned_addresses(&c);
	demote_ms_title(&c);
	demote_condition_groups(&c);
	demote_years_leaving(&c);
	demote_staff_shapes(&c);
	demote_faq_health(&c);
	demote_dated_addresses(&c);
	demote_your_age(&c);
	demote_anyones_age(&c);
	demote_placeholder_case(&c);
	demote_org_lines_late(&c);
	size_t k = 0;
	enum scan_verdict v = SCAN_OK;
	for (size_t i = 0; i < out->n; i++) {
		if (ignored(pol, text, &out->v[i]))
			continue;
		if (pol && pol->action[out->v[i].type] == SCAN_ACT_OFF)
			continue;
		if (out->v[i].confidence >= SCAN_COUNT_CONF) {
			enum scan_verdict fv = verdict_of(pol, &out->v[i]);
			if (fv > v)
				v = fv;
		}
		out->v[k++] = out->v[i];
	}
	out->n = k;
	out->verdict = v;
	pcre2_match_data_free(c.md);
	free(c.tok);
	free(c.sent_at);
	free(c.veto);
	free(c.pub);
	free(c.sperson);
	free(c.english);
	free(c.starts);
	memo_free(&c);
	free(c.late.v);
	free(c.veto_late);
	return 0;
}

void scan_result_release(struct scan_result *r)
{
	free(r->v);
	r->v = NULL;
	r->n = r->cap = 0;
	r->verdict = SCAN_OK;
}

/* ----------------------------------------------------------------- names */

const char *scan_type_name(enum scan_type t)
{
	static const char *const names[SCAN_NTYPES] = {
		"bsn", "phone", "email", "iban", "address", "date_of_birth",
		"patient_number", "name", "health", "room"};
	return (unsigned)t < SCAN_NTYPES ? names[t] : "unknown";
}

const char *scan_type_explain_nl(enum scan_type t)
{
	static const char *const s[SCAN_NTYPES] = {
		"Dit lijkt een burgerservicenummer (BSN). Met een BSN kan iemand zich voor een ander uitgeven.",
		"Dit lijkt een telefoonnummer. Deel het nummer van een cliënt of collega niet zonder toestemming.",
		"Dit lijkt een e-mailadres. Een persoonlijk e-mailadres hoort niet in een openbaar bericht.",
		"Dit lijkt een bankrekeningnummer (IBAN). Dat is privé en kan misbruikt worden.",
		"Dit lijkt een adres of postcode. Daarmee weet iedereen waar iemand woont.",
		"Dit lijkt een geboortedatum. Met een geboortedatum is iemand makkelijk te herkennen.",
		"Dit lijkt een patiënt-, cliënt- of dossiernummer. Dat hoort alleen in het dossier.",
		"Dit lijkt de naam van een persoon. Vraag eerst toestemming voordat u iemand noemt.",
		"Hier staat iets over de gezondheid van iemand die te herkennen is. Dat is extra gevoelig.",
		"Dit lijkt een kamer- of bednummer. Daarmee is een cliënt te herkennen."};
	return (unsigned)t < SCAN_NTYPES ? s[t] : "";
}

const char *scan_type_explain_en(enum scan_type t)
{
	static const char *const s[SCAN_NTYPES] = {
		"This looks like a citizen service number (BSN), which can be used to impersonate someone.",
		"This looks like a phone number; do not share a client's or colleague's number without consent.",
		"This looks like an e-mail address; a personal address does not belong in a public post.",
		"This looks like a bank account number (IBAN), which is private and can be misused.",
		"This looks like an address or postcode, which tells everyone where someone lives.",
		"This looks like a date of birth, which makes a person easy to identify.",
		"This looks like a patient, client or record number, which belongs only in the record.",
		"This looks like a person's name; ask for consent before naming someone.",
		"This says something about the health of a person who can be identified, which is especially sensitive.",
		"This looks like a room or bed number, which can identify a client."};
	return (unsigned)t < SCAN_NTYPES ? s[t] : "";
}

const char *scan_verdict_name(enum scan_verdict v)
{
	switch (v) {
	case SCAN_OK:
		return "ok";
	case SCAN_WARN:
		return "warn";
	case SCAN_BLOCK:
		return "block";
	}
	return "ok";
}
