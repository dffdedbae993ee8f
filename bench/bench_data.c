/*
 * Synthetic benchmark data (see bench_data.h).  Speed matters more than
 * anything else here: one connection, synchronous=OFF, foreign keys off,
 * tens of thousands of rows per transaction, every statement a literal so
 * the driver's cache keeps it prepared.  Everything is drawn from one
 * seeded generator, so the same options give the same database.
 */
#include "bench_data.h"

#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/id.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/store_int.h"

/* The same Argon2id cost as core/account.c, so logins cost what they cost. */
#define PW_OPSLIMIT 2
#define PW_MEMLIMIT (19u * 1024 * 1024)

#define TX_ROWS      50000   /* statements per transaction */
#define HOME_FOLLOWS 200     /* person1's followees */
#define NOTIF_SAMPLE 100     /* person1..person100 get notifications */
#define RING         4096    /* recent posts that replies and boosts pick from */
#define MAX_STAFF    30
#define TEXT_MAX     1024

struct recent {
	uint64_t id, root;
	uint32_t author;         /* account index */
	uint32_t rcpt;           /* first recipient of a direct post */
	int vis;
	int group;               /* group index + 1, 0 for none */
};

struct gen {
	struct db *db;
	uint64_t rng;
	int people, orgs;
	uint64_t *acct;          /* account index -> id; persons first, then orgs */
	uint32_t *staff;         /* orgs * MAX_STAFF person indexes */
	int *nstaff;
	int groups;
	uint32_t *gmem;          /* members of group k: gmem[goff[k] .. goff[k] + gn[k]) */
	int *goff, *gn;
	uint64_t *gid;
	uint64_t last_post, last_notif;
	long ops;
	int64_t t0_ms;           /* first post */
	struct recent ring[RING];
	size_t nring;
	long n_group_posts, n_members;
	long n_replies, n_boosts, n_direct, n_followers_only, n_favs, n_tags, n_notifs, n_follows;
};

/* ---- randomness ---- */

static uint64_t rnd(struct gen *g)
{
	/* splitmix64: fast, good enough, and seedable. */
	uint64_t z = (g->rng += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static double unif(struct gen *g)
{
	return (double)(rnd(g) >> 11) / 9007199254740992.0;
}

static int below(struct gen *g, int n)
{
	return n > 0 ? (int)(rnd(g) % (uint64_t)n) : 0;
}

static bool chance(struct gen *g, double p)
{
	return unif(g) < p;
}

/*
 * A skewed pick among n: rank = n * u^k.  k = 2 gives the follow graph its
 * power law (a few accounts with thousands of followers, most with tens).
 * The rank is spread over the accounts by a multiplicative permutation so the
 * popular ones are not simply person1, person2, ...
 */
static int skewed(struct gen *g, int n, double k, uint64_t mul)
{
	int rank = (int)(pow(unif(g), k) * n);
	if (rank >= n)
		rank = n - 1;
	return (int)(((uint64_t)rank * mul + 7) % (uint64_t)n);
}

/* A multiplier coprime to n, so skewed() is a permutation. */
static uint64_t coprime(int n, uint64_t start)
{
	for (uint64_t m = start;; m++) {
		uint64_t a = m, b = (uint64_t)n;
		while (b) {
			uint64_t t = a % b;
			a = b;
			b = t;
		}
		if (a == 1)
			return m;
	}
}

/* ---- text ---- */

static const char *const w_act[] = {
	"wandeling", "kookmiddag", "bingo", "muziekochtend", "beweegles", "koffieochtend", "tuinmiddag",
	"spelletjesmiddag", "voorleesuurtje", "fietstocht", "creatieve middag", "stoelyoga",
};
static const char *const w_topic[] = {
	"valpreventie", "medicatiebeheer", "eenzaamheid bij ouderen", "dementie", "mantelzorg", "de overdracht",
	"wondzorg", "voeding en vocht", "slaapproblemen", "de wachtlijst", "dagbesteding", "bewegen in de wijk",
	"de zorg thuis", "palliatieve zorg", "jeugdhulp", "het zorgplan", "de nachtdienst", "respijtzorg",
};
static const char *const w_job[] = {
	"wijkverpleegkundige", "huisarts", "fysiotherapeut", "ergotherapeut", "praktijkondersteuner",
	"casemanager dementie", "maatschappelijk werker", "diëtist", "mantelzorgconsulent", "verzorgende",
	"specialist ouderengeneeskunde", "geestelijk verzorger",
};
static const char *const w_place[] = {
	"Utrecht", "Zwolle", "Amersfoort", "Deventer", "Leeuwarden", "Tilburg", "Nijmegen", "Haarlem",
	"Gouda", "Assen", "Breda", "Alkmaar", "Enschede", "Middelburg", "Venlo", "Den Bosch",
};
static const char *const w_day[] = {"Vanochtend", "Vanmiddag", "Gisteren", "Vorige week", "Vandaag", "Zaterdag"};
static const char *const w_wday[] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"};
static const char *const w_feel[] = {
	"Wat een mooie dag.", "Daar word ik blij van.", "Ik ben er stil van.", "Dankbaar voor dit team.",
	"Moe maar voldaan.", "Zo waardevol om te zien.", "Volgende keer weer!",
};
static const char *const w_meet[] = {
	"inloopavond", "informatiebijeenkomst", "mantelzorgcafé", "Alzheimer Café", "buurtlunch", "themamiddag",
};

/* {D} dagdeel {A} activiteit {T} onderwerp {J} beroep {P} plaats {W} weekdag {F} gevoel {M} bijeenkomst */
static const char *const t_root[] = {
	"{D} een {A} gehad met de bewoners in {P}. {F}",
	"Wie heeft er tips over {T}? Ik loop daar in de wijk steeds tegenaan.",
	"Goed overleg gehad met de {J} over {T}. De zorg wordt zo echt beter.",
	"Denk aan de {M} op {W} in {P}, iedereen is welkom!",
	"Als {J} zie ik elke dag hoe belangrijk {T} is. Goede zorg begint bij luisteren.",
	"Nieuwe folder over {T} ligt klaar bij de receptie in {P}.",
	"Mijn moeder gaat sinds kort naar de {A}. {F}",
	"Vacature: wij zoeken een {J} voor ons team in {P}. Reageren kan tot {W}.",
	"Vraag aan collega's: hoe regelen jullie {T} in het weekend?",
	"Mantelzorgers verdienen meer waardering. {F}",
	"{D} samen met de {J} op huisbezoek geweest. Zorg op maat werkt.",
	"Het lukt steeds beter met {T}. Dank aan iedereen die meedenkt!",
	"Terugblik op de scholing over {T}: veel geleerd over de zorg thuis.",
	"Wie gaat er mee naar de {A} op {W}? Er zijn nog plekken vrij.",
	"{D} was de {M} in {P} goed bezocht. Volgende keer gaat het over {T}.",
	"Kleine dingen maken het verschil: een {A} en een kop koffie. {F}",
};
static const char *const t_reply[] = {
	"Dank je wel, goed om te horen!",
	"Herkenbaar. Bij ons in {P} werkt een vaste {J} goed.",
	"Mooi initiatief! Ik deel het met mijn team.",
	"Goede vraag. Wij bespreken {T} elke week in het teamoverleg.",
	"Ik stuur je een bericht met meer informatie over {T}.",
	"Helemaal mee eens. {F}",
	"Kun je vertellen hoe de {A} bevalt?",
};
static const char *const t_direct[] = {
	"Hoi, kun je morgen even bellen over {T}?",
	"Zullen we {W} het zorgplan samen doornemen?",
	"Dank voor je hulp vandaag, het gaat al veel beter.",
	"Ik heb de {J} gesproken, {W} komt er iemand langs.",
	"Lukt het om {W} mee te gaan naar de {A}?",
};
/* Tags; skewed() gives them a power-law popularity (in a permuted order). */
static const char *const w_tag[] = {
	"zorg", "mantelzorg", "dementie", "wijkzorg", "ouderenzorg", "thuiszorg", "welzijn", "jeugdzorg",
	"ggz", "vrijwilligers", "dagbesteding", "eenzaamheid", "valpreventie", "verpleging", "palliatievezorg",
	"zorgvoorbeter",
};
static const char *const w_first[] = {
	"Anna", "Sanne", "Fatima", "Daan", "Mohamed", "Lotte", "Jan", "Ingrid", "Kees", "Noor", "Sem", "Yara",
	"Henk", "Els", "Bram", "Marieke", "Ahmet", "Femke", "Joost", "Wilma", "Ruben", "Esra", "Thijs", "Greet",
};
static const char *const w_last[] = {
	"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
	"Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Yilmaz", "El Amrani", "van Dijk", "Kramer",
};
static const char *const w_group[] = {
	"mantelzorg", "dementie", "wijkverpleging", "jonge_mantelzorgers", "ouderen_actief", "ggz_herstel",
	"vrijwilligers", "palliatieve_zorg", "diabetes", "beweegmaatjes",
};
static const char *const w_org[] = {
	"thuiszorg_de_linde", "zorggroep_oost", "buurtzorg_noord", "woonzorg_de_es", "ggz_rivierenland",
	"jeugdhulp_de_brug", "welzijn_centraal", "verpleeghuis_de_hof", "mantelzorg_steunpunt", "wijkteam_zuid",
};

#define PICK(g, v) ((v)[below((g), (int)(sizeof(v) / sizeof((v)[0])))])

struct text {
	char s[TEXT_MAX];
	size_t n;
};

static void put(struct text *t, const char *s)
{
	size_t k = strlen(s);
	if (t->n + k >= sizeof t->s)
		k = sizeof t->s - 1 - t->n;
	memcpy(t->s + t->n, s, k);
	t->n += k;
	t->s[t->n] = '\0';
}

static void expand(struct gen *g, struct text *t, const char *tpl)
{
	for (const char *p = tpl; *p; p++) {
		if (p[0] == '{' && p[1] && p[2] == '}') {
			const char *w = "";
			switch (p[1]) {
			case 'D': w = PICK(g, w_day); break;
			case 'A': w = PICK(g, w_act); break;
			case 'T': w = PICK(g, w_topic); break;
			case 'J': w = PICK(g, w_job); break;
			case 'P': w = PICK(g, w_place); break;
			case 'W': w = PICK(g, w_wday); break;
			case 'F': w = PICK(g, w_feel); break;
			case 'M': w = PICK(g, w_meet); break;
			}
			put(t, w);
			p += 2;
		} else {
			char c[2] = {*p, 0};
			put(t, c);
		}
	}
}

/* ---- writing ---- */

/* Count a statement; commit and start again every TX_ROWS. */
static int tick(struct gen *g)
{
	if (++g->ops % TX_ROWS)
		return 0;
	int rc = db_commit(g->db);
	return rc ? rc : db_begin(g->db);
}

static uint64_t notif_id(struct gen *g, int64_t ms)
{
	uint64_t id = id_from_ms(ms) | 1;
	if (id <= g->last_notif)
		id = g->last_notif + 1;
	return g->last_notif = id;
}

/* A notification, only for the sampled accounts (person1..NOTIF_SAMPLE). */
static int notify(struct gen *g, int target, int kind, int actor, uint64_t post, int64_t ms)
{
	if (target >= NOTIF_SAMPLE || target >= g->people || target == actor)
		return 0;
	g->n_notifs++;
	int rc = db_exec(g->db,
	                 "INSERT INTO notifications (id, account_id, kind, actor_id, post_id, created_at, read)"
	                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	                 "uuiuuii", notif_id(g, ms), g->acct[target], (int64_t)kind, g->acct[actor], post,
	                 ms / 1000, (int64_t)chance(g, 0.7));
	return rc ? rc : tick(g);
}

static const char *display_name(struct gen *g, struct arena *a, int i)
{
	(void)g;
	return arena_printf(a, "%s %s", w_first[(unsigned)i % (sizeof w_first / sizeof *w_first)],
	                    w_last[(unsigned)(i / 7) % (sizeof w_last / sizeof *w_last)]);
}

static int make_accounts(struct gen *g, const char *hash)
{
	struct arena a;
	arena_init(&a);
	int rc = 0;
	int64_t base_ms = g->t0_ms - 60LL * 86400 * 1000;
	int total = g->people + g->orgs;
	for (int i = 0; i < total && !rc; i++) {
		int64_t ms = base_ms + (int64_t)i * 1000;
		g->acct[i] = id_from_ms(ms) | 1;
		bool org = i >= g->people;
		bool pro = !org && (i % 10) < 3;
		const char *name, *dname, *job = "", *region = "", *bio = "";
		if (org) {
			int k = i - g->people;
			name = arena_printf(&a, "%s_%d", w_org[(unsigned)k % (sizeof w_org / sizeof *w_org)], k + 1);
			dname = arena_printf(&a, "Organisatie %d (%s)", k + 1, w_place[(unsigned)k % 16]);
			bio = "Wij bieden zorg en ondersteuning in de wijk.";
		} else {
			name = arena_printf(&a, "person%d", i + 1);
			dname = display_name(g, &a, i);
			if (pro) {
				job = w_job[(unsigned)i % (sizeof w_job / sizeof *w_job)];
				region = w_place[(unsigned)i % (sizeof w_place / sizeof *w_place)];
				bio = "Werkzaam in de zorg, graag in contact met collega's.";
			}
		}
		rc = db_exec(g->db,
		             "INSERT INTO accounts (id, username, display_name, kind, person_type, role, password_hash,"
		             " bio, profession, expertise, languages, region, lang, created_at)"
		             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'nl', ?13)",
		             "ussiiissssssi", g->acct[i], name, dname, (int64_t)(org ? ACCOUNT_ORG : ACCOUNT_PERSON),
		             (int64_t)(pro ? PERSON_PROFESSIONAL : PERSON_CLIENT),
		             /* person2 is the administrator, so no set-up link is offered */
		             (int64_t)(i == 1 ? ROLE_ADMIN : ROLE_MEMBER), org ? NULL : hash, bio, job,
		             pro ? "ouderenzorg" : "", pro ? "Nederlands, Engels" : "", region, ms / 1000);
		if (!rc)
			rc = tick(g);
		arena_clear(&a);
	}
	/* Staff: professionals, 5..30 per organisation. */
	for (int k = 0; k < g->orgs && !rc; k++) {
		int want = 5 + below(g, MAX_STAFF - 4);
		for (int j = 0; j < want && !rc; j++) {
			int p = below(g, g->people / 10) * 10 + below(g, 3); /* i % 10 < 3: professionals */
			if (p >= g->people)
				continue;
			rc = db_exec(g->db, "INSERT INTO org_staff (org_id, person_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
			             "uu", g->acct[g->people + k], g->acct[p]);
			if (!rc && g->db->drv->changes(g->db) > 0)
				g->staff[k * MAX_STAFF + g->nstaff[k]++] = (uint32_t)p;
			if (!rc)
				rc = tick(g);
		}
	}
	arena_release(&a);
	return rc;
}

static int follow(struct gen *g, int from, int to, bool *added)
{
	int64_t ms = g->t0_ms - (int64_t)below(g, 50) * 86400 * 1000;
	int rc = db_exec(g->db,
	                 "INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?1, ?2, ?3)"
	                 " ON CONFLICT DO NOTHING",
	                 "uui", g->acct[from], g->acct[to], ms / 1000);
	*added = !rc && g->db->drv->changes(g->db) > 0;
	if (!rc && *added) {
		g->n_follows++;
		rc = notify(g, to, NOTIF_FOLLOW, from, 0, ms);
	}
	return rc ? rc : tick(g);
}

static int make_follows(struct gen *g)
{
	int total = g->people + g->orgs;
	uint64_t mul = coprime(total, 7919);
	int rc = 0;
	for (int i = 0; i < g->people && !rc; i++) {
		/* Most follow a few dozen; person1 exactly HOME_FOLLOWS (or everyone in a tiny set). */
		int want = i == 0 ? HOME_FOLLOWS : 10 + (int)(70 * unif(g) * unif(g));
		if (want > total - 1)
			want = total - 1;
		int got = 0;
		for (int tries = 0; got < want && tries < 50 * want && !rc; tries++) {
			int to = chance(g, 0.05) ? g->people + below(g, g->orgs) : skewed(g, total, 2, mul);
			bool added = false;
			if (to != i)
				rc = follow(g, i, to, &added);
			got += added;
		}
		for (int to = 0; got < want && to < total && !rc; to++) { /* dense tiny sets */
			bool added = false;
			if (to != i)
				rc = follow(g, i, to, &added);
			got += added;
		}
	}
	return rc;
}

/*
 * Groups (kringen): most open, some closed, a few secret; sizes from ten to
 * a fifth of everyone.  person1 is in the first five, and the first group is
 * the biggest (the group-timeline benchmark reads it).
 */
static int make_groups(struct gen *g)
{
	struct arena a;
	arena_init(&a);
	int rc = 0;
	size_t total = 0;
	for (int k = 0; k < g->groups; k++) {
		int n = k == 0 ? g->people / 5 : 10 + (int)(g->people * 0.2 * pow(unif(g), 3));
		g->gn[k] = n < g->people ? n : g->people;
		g->goff[k] = (int)total;
		total += (size_t)g->gn[k];
	}
	g->gmem = xcalloc(total ? total : 1, sizeof *g->gmem);
	for (int k = 0; k < g->groups && !rc; k++) {
		int64_t ms = g->t0_ms - 20LL * 86400 * 1000 + (int64_t)k * 1000;
		g->gid[k] = id_from_ms(ms) | 2;
		int kind = k % 20 == 19 ? GROUP_SECRET : k % 4 == 3 ? GROUP_CLOSED : GROUP_OPEN;
		const char *theme = w_group[(unsigned)k % (sizeof w_group / sizeof *w_group)];
		const char *place = w_place[(unsigned)(k / 3) % (sizeof w_place / sizeof *w_place)];
		char *name = arena_printf(&a, "%s_%d", theme, k + 1);
		char *dname = arena_printf(&a, "Kring %s %s", theme, place);
		int want = g->gn[k], got = 0;
		uint32_t *mem = g->gmem + g->goff[k];
		if (k < 5)
			mem[got++] = 0; /* person1 */
		for (int tries = 0; got < want && tries < 20 * want; tries++) {
			int who = below(g, g->people);
			bool dup = false;
			for (int j = 0; j < got && j < 64 && !dup; j++) /* cheap check; the PK catches the rest */
				dup = mem[got - 1 - j] == (uint32_t)who;
			if (!dup)
				mem[got++] = (uint32_t)who;
		}
		int owner = (int)mem[got > 1 ? 1 : 0];
		rc = db_exec(g->db,
		             "INSERT INTO groups (id, name, display_name, description, rules, kind, premod, owner_id,"
		             " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?8)",
		             "ussssiui", g->gid[k], name, dname, "Een kring om ervaringen te delen en elkaar te helpen.",
		             "Wees vriendelijk. Deel geen gegevens van cliënten.", (int64_t)kind, g->acct[owner], ms / 1000);
		int m = 0;
		for (int j = 0; j < got && !rc; j++) {
			int role = (int)mem[j] == owner ? GROLE_OWNER : j < 4 ? GROLE_MODERATOR : GROLE_MEMBER;
			rc = db_exec(g->db,
			             "INSERT INTO group_members (group_id, account_id, role, state, since)"
			             " VALUES (?1, ?2, ?3, 0, ?4) ON CONFLICT DO NOTHING",
			             "uuii", g->gid[k], g->acct[mem[j]], (int64_t)role, ms / 1000 + j);
			if (!rc && g->db->drv->changes(g->db) > 0)
				mem[m++] = mem[j];
			if (!rc)
				rc = tick(g);
		}
		g->gn[k] = m;
		g->n_members += m;
		arena_clear(&a);
	}
	arena_release(&a);
	return rc;
}

static int group_member(struct gen *g, int k)
{
	return g->gn[k] ? (int)g->gmem[g->goff[k] + below(g, g->gn[k])] : 0;
}

static uint64_t next_post_id(struct gen *g, int64_t ms)
{
	uint64_t id = id_from_ms(ms) | (rnd(g) & 0xfff);
	if (id <= g->last_post)
		id = g->last_post + 1;
	return g->last_post = id;
}

static int add_tags(struct gen *g, struct text *t, uint64_t id)
{
	int n = chance(g, 0.45) ? 1 + chance(g, 0.3) : 0;
	const char *done[2] = {NULL, NULL};
	int rc = 0;
	for (int k = 0; k < n && !rc; k++) {
		const char *tag = w_tag[skewed(g, (int)(sizeof w_tag / sizeof *w_tag), 2, 1)];
		if (done[0] == tag)
			continue;
		done[k] = tag;
		put(t, k ? " #" : "\n\n#");
		put(t, tag);
		rc = db_exec(g->db, "INSERT INTO post_tags (tag, post_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING", "su",
		             tag, id);
		g->n_tags++;
		if (!rc)
			rc = tick(g);
	}
	return rc;
}

static int add_recipient(struct gen *g, uint64_t id, int who)
{
	int rc = db_exec(g->db,
	                 "INSERT INTO post_recipients (post_id, account_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING", "uu",
	                 id, g->acct[who]);
	return rc ? rc : tick(g);
}

/* Favourites from other people; returns how many were added in *n. */
static int add_favs(struct gen *g, uint64_t id, int author, int64_t ms, int64_t *n)
{
	int want = (int)(0.6 / (unif(g) + 0.02)) - 1;
	if (want > 200)
		want = 200;
	int rc = 0;
	*n = 0;
	for (int k = 0; k < want && !rc; k++) {
		int who = below(g, g->people);
		if (who == author)
			continue;
		int64_t at = ms + 1000 * (int64_t)below(g, 7200);
		rc = db_exec(g->db,
		             "INSERT INTO favourites (account_id, post_id, created_at) VALUES (?1, ?2, ?3)"
		             " ON CONFLICT DO NOTHING",
		             "uui", g->acct[who], id, at / 1000);
		if (!rc && g->db->drv->changes(g->db) > 0) {
			++*n;
			rc = notify(g, author, NOTIF_FAVOURITE, who, id, at);
		}
		if (!rc)
			rc = tick(g);
	}
	g->n_favs += *n;
	return rc;
}

static void remember(struct gen *g, uint64_t id, uint64_t root, int author, int rcpt, int vis, int group)
{
	struct recent *r = &g->ring[g->nring++ % RING];
	*r = (struct recent){.id = id, .root = root, .author = (uint32_t)author, .rcpt = (uint32_t)rcpt, .vis = vis,
	                     .group = group};
}

/* *done is false when the picked post cannot be boosted by who. */
static int boost(struct gen *g, int64_t ms, int who, bool *done)
{
	*done = false;
	const struct recent *r = &g->ring[(g->nring - 1 - (size_t)below(g, (int)(g->nring < RING ? g->nring : RING))) % RING];
	if (r->vis != VIS_PUBLIC || r->group || (int)r->author == who)
		return 0;
	uint64_t id = next_post_id(g, ms);
	int rc = db_exec(g->db,
	                 "INSERT INTO posts (id, author_id, writer_id, root_id, reblog_of, visibility, text, created_at)"
	                 " VALUES (?1, ?2, ?2, ?1, ?3, 0, '', ?4) ON CONFLICT DO NOTHING",
	                 "uuui", id, g->acct[who], r->id, ms / 1000);
	if (rc || g->db->drv->changes(g->db) == 0)
		return rc;
	*done = true;
	g->n_boosts++;
	rc = db_exec(g->db, "UPDATE posts SET boosts = boosts + 1 WHERE id = ?1", "u", r->id);
	if (!rc)
		rc = notify(g, (int)r->author, NOTIF_BOOST, who, r->id, ms);
	return rc ? rc : tick(g);
}

/* One post at time ms: a boost, a reply in a thread, or a new thread. */
static int make_post(struct gen *g, struct arena *a, int64_t ms, const struct bench_opts *o, uint64_t mul)
{
	int total = g->people + g->orgs;
	int who = skewed(g, g->people, 1.7, mul);
	int rc;
	bool boosted = false;
	if (g->nring && chance(g, 0.08) && ((rc = boost(g, ms, who, &boosted)) || boosted))
		return rc;

	struct text t = {.n = 0};
	int author = who, writer = who, vis = VIS_PUBLIC, rcpt = -1, mention = -1, group = 0;
	uint64_t id = next_post_id(g, ms), parent = 0, root = id;
	const struct recent *pr = NULL;
	if (g->nring && chance(g, 0.25)) {
		pr = &g->ring[(g->nring - 1 - (size_t)below(g, (int)(g->nring < RING ? g->nring : RING))) % RING];
		parent = pr->id;
		root = pr->root;
		vis = pr->vis;
		group = pr->group;
		if (group) { /* a reply in a group stays there, by a member */
			author = writer = group_member(g, group - 1);
			expand(g, &t, PICK(g, t_reply));
		} else if (vis == VIS_DIRECT) {
			/* A conversation: the recipient answers the sender. */
			author = writer = (int)pr->rcpt;
			rcpt = (int)pr->author;
			if (author == rcpt)
				author = writer = who;
			if (author >= g->people) { /* an organisation answers through its staff */
				int k = author - g->people;
				if (g->nstaff[k])
					writer = (int)g->staff[k * MAX_STAFF + below(g, g->nstaff[k])];
				else
					author = writer = who;
			}
			expand(g, &t, PICK(g, t_direct));
		} else {
			if (author == (int)pr->author)
				author = writer = (who + 1) % g->people;
			expand(g, &t, PICK(g, t_reply));
		}
	} else {
		double u = unif(g);
		vis = u < 0.85 ? VIS_PUBLIC : u < 0.97 ? VIS_FOLLOWERS : VIS_DIRECT;
		if (g->groups && chance(g, 0.06)) {
			int k = skewed(g, g->groups, 2, 1);
			group = k + 1;
			vis = VIS_PUBLIC; /* a group post is read under the group's rule */
			author = writer = group_member(g, k);
		} else if (g->orgs && vis != VIS_DIRECT && chance(g, 0.04)) {
			int k = below(g, g->orgs);
			if (g->nstaff[k]) {
				author = g->people + k;
				writer = (int)g->staff[k * MAX_STAFF + below(g, g->nstaff[k])];
			}
		}
		if (vis == VIS_DIRECT) {
			/* Some direct messages go to person1, so its home page shows a few. */
			rcpt = chance(g, 0.05) ? 0 : below(g, total);
			if (rcpt == author)
				rcpt = (rcpt + 1) % g->people;
			expand(g, &t, PICK(g, t_direct));
		} else {
			expand(g, &t, PICK(g, t_root));
			if (chance(g, 0.3)) {
				put(&t, " ");
				expand(g, &t, PICK(g, t_root));
			}
		}
	}
	if (vis != VIS_DIRECT && chance(g, 0.05)) {
		mention = below(g, g->people);
		if (mention == author)
			mention = -1;
		else {
			char m[32];
			snprintf(m, sizeof m, " @person%d", mention + 1);
			put(&t, m);
		}
	}
	if (vis != VIS_DIRECT && (rc = add_tags(g, &t, id)))
		return rc;
	int64_t favs = 0;
	if (vis != VIS_DIRECT && (rc = add_favs(g, id, author, ms, &favs)))
		return rc;
	rc = db_exec(g->db,
	             "INSERT INTO posts (id, author_id, writer_id, in_reply_to, root_id, visibility, text, created_at,"
	             " favs, group_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	             "uuuuuisiiu", id, g->acct[author], g->acct[writer], parent, root, (int64_t)vis, t.s, ms / 1000,
	             favs, group ? g->gid[group - 1] : 0);
	if (!rc)
		rc = tick(g);
	if (!rc) {
		const char *words = o->search_words ? o->search_words(a, t.s) : t.s;
		if (words && *words)
			rc = db_exec(g->db, "INSERT INTO post_fts (rowid, body) VALUES (?1, ?2)", "us", id, words);
		if (!rc)
			rc = tick(g);
	}
	if (!rc && rcpt >= 0)
		rc = add_recipient(g, id, rcpt);
	if (!rc && mention >= 0)
		rc = add_recipient(g, id, mention);
	if (!rc && mention >= 0)
		rc = notify(g, mention, NOTIF_MENTION, author, id, ms);
	if (!rc && rcpt >= 0 && rcpt < g->people)
		rc = notify(g, rcpt, NOTIF_MENTION, author, id, ms);
	if (!rc && pr) {
		g->n_replies++;
		if (vis == VIS_PUBLIC) /* as store_post_insert counts */
			rc = db_exec(g->db, "UPDATE posts SET replies = replies + 1 WHERE id = ?1", "u", parent);
		if (!rc)
			rc = notify(g, (int)pr->author, NOTIF_REPLY, author, id, ms);
	}
	g->n_direct += vis == VIS_DIRECT;
	g->n_group_posts += group != 0;
	g->n_followers_only += vis == VIS_FOLLOWERS;
	remember(g, id, root, author, rcpt >= 0 ? rcpt : author, vis, group);
	arena_clear(a);
	return rc;
}

static double since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static int make_posts(struct gen *g, const struct bench_opts *o, const struct timespec *start)
{
	struct arena a;
	arena_init(&a);
	int64_t span = 365LL * 86400 * 1000;
	int64_t step = o->posts ? span / o->posts : span;
	uint64_t mul = coprime(g->people, 104729);
	int rc = 0;
	int every = o->posts >= 10 ? o->posts / 10 : 1;
	for (int i = 0; i < o->posts && !rc; i++) {
		int64_t ms = g->t0_ms + (int64_t)i * step + (step > 1 ? (int64_t)(rnd(g) % (uint64_t)step) : 0);
		rc = make_post(g, &a, ms, o, mul);
		if (!o->quiet && (i + 1) % every == 0) {
			printf("  posts %d/%d (%.1f s)\n", i + 1, o->posts, since(start));
			fflush(stdout);
		}
	}
	arena_release(&a);
	return rc;
}

/* Every person's home feed (feed.c) holds the last BENCH_FEED_DAYS of the
 * home rule, as if each had been kept since then; older pages are read by
 * the rule itself, below the floor. */
#define BENCH_FEED_DAYS 14

static int make_feeds(struct gen *g)
{
	uint64_t floor = id_from_ms(time_ms() - BENCH_FEED_DAYS * 86400LL * 1000);
	struct db *db = g->db;
	int rc = db_exec(db, "INSERT INTO feed_floor (account_id, floor, built_at) SELECT id, ?1, ?2 FROM accounts",
	                 "ui", floor, (int64_t)time(NULL));
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO feeds (account_id, post_id) SELECT f.follower_id, p.id FROM follows f"
		             " JOIN posts p ON p.author_id = f.followee_id AND p.id >= ?1 WHERE true ON CONFLICT DO NOTHING",
		             "u", floor);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO feeds (account_id, post_id) SELECT p.author_id, p.id FROM posts p"
		             " WHERE p.id >= ?1 ON CONFLICT DO NOTHING",
		             "u", floor);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO feeds (account_id, post_id) SELECT gm.account_id, p.id FROM posts p"
		             " JOIN group_members gm ON gm.group_id = p.group_id WHERE p.group_id <> 0 AND p.id >= ?1"
		             " ON CONFLICT DO NOTHING",
		             "u", floor);
	if (!rc)
		rc = db_exec(db,
		             "INSERT INTO feeds (account_id, post_id) SELECT r.account_id, r.post_id FROM post_recipients r"
		             " WHERE r.post_id >= ?1 ON CONFLICT DO NOTHING",
		             "u", floor);
	return rc;
}

int store_bench_data(struct store *s, const struct bench_opts *o)
{
	if (!o || o->people < 10 || o->posts < 0 || !o->password || !*o->password)
		return ERR_INVAL;
	struct db *db = store_db(s);
	if (!db)
		return ERR_BUSY;
	int64_t have = 0;
	int rc = db_scalar(db, &have, 0, "SELECT COUNT(*) FROM accounts", "");
	if (rc)
		return rc;
	if (have > 0) {
		log_err("bench-data: the database already has %lld accounts; use an empty one", (long long)have);
		return ERR_EXISTS;
	}
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	/* Hash once (about as long as one login), then share the string. */
	char hash[crypto_pwhash_STRBYTES];
	if (sodium_init() < 0 ||
	    crypto_pwhash_str(hash, o->password, strlen(o->password), PW_OPSLIMIT, PW_MEMLIMIT) != 0)
		return ERR_IO;

	struct gen g = {.db = db, .people = o->people};
	g.rng = o->seed ? o->seed : 0x6b72696e67ull; /* "kring" */
	g.orgs = o->people / 200 > 0 ? o->people / 200 : 1;
	g.acct = xcalloc((size_t)(g.people + g.orgs), sizeof *g.acct);
	g.staff = xcalloc((size_t)g.orgs * MAX_STAFF, sizeof *g.staff);
	g.nstaff = xcalloc((size_t)g.orgs, sizeof *g.nstaff);
	g.groups = o->people / 100 > 3 ? o->people / 100 : 3;
	g.goff = xcalloc((size_t)g.groups, sizeof *g.goff);
	g.gn = xcalloc((size_t)g.groups, sizeof *g.gn);
	g.gid = xcalloc((size_t)g.groups, sizeof *g.gid);
	g.t0_ms = time_ms() - 365LL * 86400 * 1000 - 60 * 1000;

	/* Generation only: the server sets its own pragmas on its connections. */
	if ((rc = db->drv->exec(db, db->drv == &db_pg ? "SET synchronous_commit = off"
	                                              : "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-131072;")))
		goto out;
	if ((rc = db_begin(db)))
		goto out;
	if (!o->quiet)
		printf("bench-data: %d people, %d organisations, %d posts\n", g.people, g.orgs, o->posts);
	rc = make_accounts(&g, hash);
	if (!rc && !o->quiet)
		printf("  accounts done (%.1f s)\n", since(&start));
	if (!rc)
		rc = make_follows(&g);
	if (!rc && !o->quiet)
		printf("  %ld follows done (%.1f s)\n", g.n_follows, since(&start));
	fflush(stdout);
	if (!rc)
		rc = make_groups(&g);
	if (!rc && !o->quiet)
		printf("  %d groups, %ld memberships done (%.1f s)\n", g.groups, g.n_members, since(&start));
	fflush(stdout);
	if (!rc)
		rc = make_posts(&g, o, &start);
	if (!rc)
		rc = make_feeds(&g);
	if (!rc && !o->quiet)
		printf("  home feeds done (%.1f s)\n", since(&start));
	/* The unread conversations (the menu badge) as the server keeps them. */
	if (!rc)
		rc = conv_unread_rebuild(db, 0);
	if (!rc && !o->quiet)
		printf("  unread conversations done (%.1f s)\n", since(&start));
	if (!rc)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (!rc)
		rc = db->drv->exec(db, db->drv == &db_pg ? "SET synchronous_commit = on; ANALYZE"
		                                         : "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
	if (!rc && !o->quiet)
		printf("bench-data: done in %.1f s: %d people, %d organisations, %ld follows, %d post rows"
		       " (%ld replies, %ld boosts, %ld followers-only, %ld direct), %ld tags, %ld favourites,"
		       " %ld notifications, %d groups with %ld members and %ld posts\n",
		       since(&start), g.people, g.orgs, g.n_follows, o->posts, g.n_replies, g.n_boosts,
		       g.n_followers_only, g.n_direct, g.n_tags, g.n_favs, g.n_notifs, g.groups, g.n_members,
		       g.n_group_posts);
out:
	free(g.acct);
	free(g.staff);
	free(g.nstaff);
	free(g.goff);
	free(g.gn);
	free(g.gid);
	free(g.gmem);
	return rc;
}
