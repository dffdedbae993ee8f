/* Unit tests for the privacy guard: one group per detector, then policy and CLI format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "scan.c"
#include "scan_cli.c"

/* Scan s with pol; return the result (caller releases). */
static struct scan_result run(const char *s, const struct scan_policy *pol)
{
	struct scan_result r = {0};
	assert_int_equal(scan_text(s, strlen(s), pol, &r), 0);
	return r;
}

/* Is there a finding of type t whose text is exactly want? */
static bool has(const char *s, const struct scan_result *r, enum scan_type t, const char *want)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].type == t && r->v[i].end - r->v[i].start == strlen(want) &&
		    memcmp(s + r->v[i].start, want, strlen(want)) == 0)
			return true;
	return false;
}

/* Does text hold a finding of type t that counts toward the verdict? */
static bool counted(const char *text, enum scan_type t)
{
	struct scan_result r = run(text, NULL);
	bool yes = false;
	for (size_t i = 0; i < r.n; i++)
		yes = yes || (r.v[i].type == t && r.v[i].confidence >= 0.5);
	scan_result_release(&r);
	return yes;
}

static bool has_type(const struct scan_result *r, enum scan_type t)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].type == t)
			return true;
	return false;
}

#define EXPECT(text, type, want)                                   \
	do {                                                       \
		const char *s_ = (text);                           \
		struct scan_result r_ = run(s_, NULL);             \
		assert_true(has(s_, &r_, (type), (want)));         \
		scan_result_release(&r_);                          \
	} while (0)

/* The verdict on text is v (cmp: assert_int_equal or assert_int_not_equal). */
#define VERDICT(cmp, text, v)                                      \
	do {                                                       \
		struct scan_result r_ = run((text), NULL);         \
		cmp(r_.verdict, (v));                              \
		scan_result_release(&r_);                          \
	} while (0)

/* The verdict on every text of the array list is v (cmp as for VERDICT). */
#define VERDICTS(cmp, list, v)                                     \
	do {                                                       \
		for (size_t i_ = 0; i_ < sizeof(list) / sizeof(list)[0]; i_++) \
			VERDICT(cmp, (list)[i_], (v));             \
	} while (0)

#define EXPECT_NONE(text, type)                                    \
	do {                                                       \
		struct scan_result r_ = run((text), NULL);         \
		assert_false(has_type(&r_, (type)));               \
		scan_result_release(&r_);                          \
	} while (0)

static enum scan_verdict verdict(const char *s, const struct scan_policy *pol)
{
	struct scan_result r = run(s, pol);
	enum scan_verdict v = r.verdict;
	scan_result_release(&r);
	return v;
}

static void test_elfproef(void **state)
{
	assert_true(scan_elfproef("123456782", 9));
	assert_false(scan_elfproef("123456781", 9));
	assert_true(scan_elfproef("111222333", 9));
	assert_false(scan_elfproef("000000000", 9));   /* passes the sum, is no BSN */
	assert_true(scan_elfproef("12345672", 8));     /* = 012345672 */
	assert_true(scan_elfproef("012345672", 9));
	assert_false(scan_elfproef("1234567", 7));
	assert_false(scan_elfproef("1234567820", 10));
	assert_false(scan_elfproef("12345678a", 9));
}

static void test_bsn(void **state)
{
	EXPECT("Het BSN is 123456782.", SCAN_BSN, "123456782");
	EXPECT("BSN 1234.56.782 graag invoeren", SCAN_BSN, "1234.56.782");
	EXPECT("bsn: 123 456 782", SCAN_BSN, "123 456 782");
	EXPECT("burgerservicenummer 12345672", SCAN_BSN, "12345672");
	EXPECT_NONE("Het nummer is 123456781.", SCAN_BSN);           /* fails elfproef */
	EXPECT_NONE("Ons KvK-nummer is 123456782.", SCAN_BSN);        /* KvK context */
	EXPECT_NONE("Factuur 123456782 is betaald.", SCAN_BSN);
	EXPECT_NONE("Een los nummer 12345672 zonder context.", SCAN_BSN); /* 8 digits need context */
	EXPECT_NONE("Datum 19450303 in het archief.", SCAN_BSN);
	assert_int_equal(verdict("BSN 123456782", NULL), SCAN_BLOCK);
}

static void test_iban(void **state)
{
	assert_true(scan_iban_valid("NL91ABNA0417164300", 18));
	assert_true(scan_iban_valid("NL91 ABNA 0417 1643 00", 22));
	assert_true(scan_iban_valid("nl91abna0417164300", 18));
	assert_false(scan_iban_valid("NL91ABNA0417164301", 18));
	assert_false(scan_iban_valid("NL91ABNA041716430", 17));       /* wrong length for NL */
	assert_true(scan_iban_valid("BE68539007547034", 16));
	assert_true(scan_iban_valid("DE89370400440532013000", 22));
	assert_false(scan_iban_valid("XX", 2));
	/* words are no IBAN: a user name and a sentence that happen to pass
	 * mod 97 (a test's random name found it); no such country, and a
	 * spaced IBAN is grouped by four */
	assert_false(scan_iban_valid("mw877n2558 mag ik je iets vragen", 32));
	EXPECT_NONE("@mw877n2558 mag ik je iets vragen w877n2561direct", SCAN_IBAN);
	assert_false(scan_iban_valid("NL91 ABNA 04171 64300", 21));
	assert_true(scan_iban_valid("SR", 2) == false);
	assert_true(scan_iban_valid("SA0380000000608010167519", 24));   /* a registered country further away */
	EXPECT("Maak het over naar NL91 ABNA 0417 1643 00 graag.", SCAN_IBAN, "NL91 ABNA 0417 1643 00");
	EXPECT("rekening nl91abna0417164300.", SCAN_IBAN, "nl91abna0417164300");
	EXPECT_NONE("Het IBAN NL91 ABNA 0417 1643 01 is fout.", SCAN_IBAN);
	EXPECT_NONE("Het IBAN NL91 ABNA 0417 1643 01 is fout.", SCAN_PHONE);
	/* a donation account is reported as a hint only */
	assert_int_equal(verdict("Steun de stichting: NL91 ABNA 0417 1643 00.", NULL), SCAN_OK);
	assert_int_equal(verdict("Mijn rekening is NL91 ABNA 0417 1643 00.", NULL), SCAN_BLOCK);
}

static void test_phone(void **state)
{
	EXPECT("Bel me op 06-12345678.", SCAN_PHONE, "06-12345678");
	EXPECT("Bel me op 06 12 34 56 78", SCAN_PHONE, "06 12 34 56 78");
	EXPECT("tel 020-6123456", SCAN_PHONE, "020-6123456");
	EXPECT("nummer (020) 612 34 56", SCAN_PHONE, "(020) 612 34 56");
	EXPECT("bereik me op +31 6 1234 5678", SCAN_PHONE, "+31 6 1234 5678");
	EXPECT("bereik me op +31 (0)20 123 4567", SCAN_PHONE, "+31 (0)20 123 4567");
	EXPECT("of 0031612345678", SCAN_PHONE, "0031612345678");
	EXPECT("UK: +44 7700 900123", SCAN_PHONE, "+44 7700 900123");
	EXPECT_NONE("Er waren 1.234.567 bezoekers.", SCAN_PHONE);
	EXPECT_NONE("Open van 10.30-12.00 uur.", SCAN_PHONE);
	EXPECT_NONE("Bel 112 bij spoed.", SCAN_PHONE);
	assert_int_equal(verdict("Bel me op 06-12345678.", NULL), SCAN_WARN);
	/* an organisation's own service number is a hint, not a warning */
	assert_int_equal(verdict("Vragen? Bel ons op 088 123 45 67.", NULL), SCAN_OK);
}

static void test_email(void **state)
{
	EXPECT("mail naar j.devries@gmail.com aub", SCAN_EMAIL, "j.devries@gmail.com");
	EXPECT("(piet+zorg@example.org).", SCAN_EMAIL, "piet+zorg@example.org");
	EXPECT_NONE("Dit is geen adres: @kring of a@b of x@y.z", SCAN_EMAIL);
	assert_int_equal(verdict("Mail info@zorggroep.nl voor vragen.", NULL), SCAN_OK);
	assert_int_equal(verdict("Mail anna.jansen@hotmail.com even.", NULL), SCAN_WARN);
}

static void test_address(void **state)
{
	EXPECT("Ze woont op de Kerkstraat 5a in Zeist.", SCAN_ADDRESS, "Kerkstraat 5a");
	EXPECT("Adres: Laan van Meerdervoort 52 Den Haag", SCAN_ADDRESS, "Laan van Meerdervoort 52");
	EXPECT("postcode 1234 AB graag", SCAN_ADDRESS, "1234 AB");
	EXPECT("postcode 1234AB graag", SCAN_ADDRESS, "1234AB");
	EXPECT("Kerkstraat 5, 1234 AB Utrecht", SCAN_ADDRESS, "Kerkstraat 5, 1234 AB");
	EXPECT_NONE("Een bestand van 2000 MB.", SCAN_ADDRESS);
	EXPECT_NONE("In 1945 SS-troepen", SCAN_ADDRESS);
	EXPECT_NONE("de kerkstraat is mooi", SCAN_ADDRESS);
}

static void test_dob(void **state)
{
	EXPECT("Zij is geboren op 3 maart 1945 in Delft.", SCAN_DATE_OF_BIRTH, "3 maart 1945");
	EXPECT("geb. 03-03-1945", SCAN_DATE_OF_BIRTH, "03-03-1945");
	EXPECT("Geboortedatum: 1945-03-03", SCAN_DATE_OF_BIRTH, "1945-03-03");
	EXPECT("DOB 12/07/1954", SCAN_DATE_OF_BIRTH, "12/07/1954");
	EXPECT("Op 5 mei 2024 is onze dochter geboren!", SCAN_DATE_OF_BIRTH, "5 mei 2024");
	EXPECT("Cliënt: Sophie Verbeek, 02-11-2008, woont thuis.", SCAN_DATE_OF_BIRTH, "02-11-2008");
	EXPECT_NONE("De markt is op 14-12-2024.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Op 3 maart 1945 werd Den Haag gebombardeerd.", SCAN_DATE_OF_BIRTH);
	assert_int_equal(verdict("geb. 03-03-1945", NULL), SCAN_BLOCK);
}

static void test_patient_number(void **state)
{
	EXPECT("patiëntnummer 7654321", SCAN_PATIENT_NUMBER, "7654321");
	EXPECT("Cliëntnr. 1234567 heeft", SCAN_PATIENT_NUMBER, "1234567");
	EXPECT("dossiernummer: 2023-00451.", SCAN_PATIENT_NUMBER, "2023-00451");
	EXPECT("Het BIG-nummer van de arts is 19062837501", SCAN_PATIENT_NUMBER, "19062837501");
	EXPECT("patient number 12345", SCAN_PATIENT_NUMBER, "12345");
	EXPECT_NONE("Het nummer 7654321 staat los.", SCAN_PATIENT_NUMBER);
	/* a patient number that happens to pass the elfproef is still a patient number */
	EXPECT("patiëntnummer 123456782", SCAN_PATIENT_NUMBER, "123456782");
	EXPECT_NONE("patiëntnummer 123456782", SCAN_BSN);
}

static void test_room(void **state)
{
	EXPECT("De man op kamer 12 slaapt.", SCAN_ROOM, "kamer 12");
	EXPECT("Patiënt in bed 4 heeft dorst.", SCAN_ROOM, "bed 4");
	EXPECT("afdeling B2 kamer 7", SCAN_ROOM, "afdeling B2 kamer 7");
	EXPECT_NONE("Het bed 2 keer per week verschonen.", SCAN_ROOM);
	/* office numbering: a hint at most, never a warning */
	assert_int_equal(verdict("Vergadering in kamer 1.12 op de eerste verdieping.", NULL), SCAN_OK);
	EXPECT_NONE("De Kamer van Koophandel en de Tweede Kamer.", SCAN_ROOM);
	EXPECT_NONE("We zoeken een nieuw bed voor de logeerkamer.", SCAN_ROOM);
	assert_int_equal(verdict("De vergadering is in kamer 12.", NULL), SCAN_OK);
	assert_int_equal(verdict("De man op kamer 12 slaapt.", NULL), SCAN_WARN);
}

static void test_name(void **state)
{
	EXPECT("Gisteren sprak ik mevrouw Jansen.", SCAN_NAME, "mevrouw Jansen");
	EXPECT("Dit is dhr. J. de Vries uit Ede.", SCAN_NAME, "dhr. J. de Vries");
	EXPECT("Ik zag Fatima el Amrani vandaag.", SCAN_NAME, "Fatima el Amrani");
	EXPECT("Ik zag Anouk van der Berg vandaag.", SCAN_NAME, "Anouk van der Berg");
	EXPECT("Hij heet Sven en is 9.", SCAN_NAME, "Sven");
	EXPECT("Het gaat om A.B. Yilmaz.", SCAN_NAME, "A.B. Yilmaz");
	EXPECT("Vandaag was Roos er ook.", SCAN_NAME, "Roos");        /* capitalised mid-sentence */
	EXPECT_NONE("Roos, tulp of zonnebloem: stem nu!", SCAN_NAME);  /* sentence start, ambiguous */
	EXPECT_NONE("De bakker levert brood.", SCAN_NAME);
	EXPECT_NONE("Hoop doet leven.", SCAN_NAME);
	EXPECT_NONE("Mark het in je agenda op 4 maart.", SCAN_NAME);
	EXPECT_NONE("Het Sophia Kinderziekenhuis is jarig.", SCAN_NAME);
	EXPECT_NONE("Van harte gefeliciteerd!", SCAN_NAME);
	/* staff signing a post: reported, but at most a hint */
	assert_int_equal(verdict("Fijne dag allemaal! Groet, Anouk (verpleegkundige)", NULL), SCAN_OK);
	assert_int_equal(verdict("Vandaag was Anouk er ook.", NULL), SCAN_WARN);
}

static void test_health(void **state)
{
	EXPECT("Mevrouw Jansen heeft dementie.", SCAN_HEALTH, "dementie");
	EXPECT("De man op kamer 3 krijgt morfine.", SCAN_HEALTH, "morfine");
	EXPECT("Henk Visser kreeg de ziekte van Parkinson.", SCAN_HEALTH, "ziekte van Parkinson");
	EXPECT("Meneer Bakker viel. Hij heeft een heupfractuur.", SCAN_HEALTH, "heupfractuur");
	EXPECT("Bij Anna werd borstkanker gevonden.", SCAN_HEALTH, "borstkanker"); /* suffix */
	EXPECT_NONE("Paracetamol is een veilige pijnstiller.", SCAN_HEALTH);
	EXPECT_NONE("Informatieavond over dementie op 14 maart.", SCAN_HEALTH);
	EXPECT("Mijn moeder heeft dementie.", SCAN_HEALTH, "dementie");
	EXPECT("De 84-jarige vrouw heeft een blaasontsteking.", SCAN_HEALTH, "blaasontsteking");
	assert_int_equal(verdict("Mevrouw Jansen heeft dementie.", NULL), SCAN_BLOCK);
	assert_int_equal(verdict("Kamer 3 krijgt morfine.", NULL), SCAN_BLOCK);
	assert_int_equal(verdict("Wat is dementie? Lees het op onze site.", NULL), SCAN_OK);
	assert_int_equal(verdict("Mijn moeder heeft dementie.", NULL), SCAN_WARN);
}

/* Issue 16: the classes people write that the first guard missed. */
static void test_ages(void **state)
{
	EXPECT("De 92-jarige Truus vierde feest.", SCAN_DATE_OF_BIRTH, "92-jarige");
	EXPECT("Ilse (34) heeft last van haar rug.", SCAN_DATE_OF_BIRTH, "34");
	EXPECT("Opa Kees wordt 87 op 3-4, feest!", SCAN_DATE_OF_BIRTH, "87 op 3-4");
	EXPECT("Mevrouw Wouters, geboren in '52, zoekt een maatje.", SCAN_DATE_OF_BIRTH, "geboren in '52");
	EXPECT("Dhr. Lansink (geb. 1938) wacht op de uitslag.", SCAN_DATE_OF_BIRTH, "geb. 1938");
	EXPECT("Onze bewoner Willem (*1944) kreeg een rolstoel.", SCAN_DATE_OF_BIRTH, "*1944");
	EXPECT("Mijn dochter Noor is 14 jaar en heeft astma.", SCAN_DATE_OF_BIRTH, "14 jaar");
	EXPECT_NONE("Kinderen tot 12 jaar mogen gratis mee.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Wij bestaan dit jaar 75 jaar!", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Het gebouw is in 1952 gebouwd.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Geboren in 1950? Dan krijgt u een uitnodiging.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("De 18-jarige kampioen bezocht ons.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Het is 12 uur en 5 jaar geleden.", SCAN_DATE_OF_BIRTH);
}

static void test_more_labels(void **state)
{
	EXPECT("EPD-nr 778812 hoort bij meneer Tahiri.", SCAN_PATIENT_NUMBER, "778812");
	EXPECT("Het NHG-nummer van Ria is 330912.", SCAN_PATIENT_NUMBER, "330912");
	EXPECT("Polisnr AZ-44819273 klopt niet.", SCAN_PATIENT_NUMBER, "AZ-44819273");
	EXPECT("Dossiernr. 2024/0877: aanvraag Wmo.", SCAN_PATIENT_NUMBER, "2024/0877");
	EXPECT("Het EPD-nummer van dhr. Arslan is 2240091.", SCAN_PATIENT_NUMBER, "2240091");
	EXPECT("Mevrouw Lammers is verhuisd naar kamer 3.04 boven.", SCAN_ROOM, "kamer 3.04");
	EXPECT("Mevrouw in kamer B-207 riep vannacht.", SCAN_ROOM, "kamer B-207");
	EXPECT("Dhr. Wolters ligt op K12, graag even langs.", SCAN_ROOM, "K12");
	EXPECT("Wim (kmr 14) wil een krant.", SCAN_ROOM, "kmr 14");
	EXPECT_NONE("Neem de vitamine B12 bij het ontbijt.", SCAN_ROOM);
	EXPECT("Mevrouw Bos woont op Dorp 12 en heeft hulp nodig.", SCAN_ADDRESS, "Dorp 12");
	EXPECT("Mw. El Idrissi woont op de Singel 140, derde etage.", SCAN_ADDRESS, "Singel 140");
	EXPECT("Dhr. Zwart, Achterom 9, 7711 HK Nieuwleusen.", SCAN_ADDRESS, "Achterom 9, 7711 HK");
	EXPECT_NONE("Op de Markt 7 kramen met kaas.", SCAN_ADDRESS);
}

static void test_written_out(void **state)
{
	EXPECT("Mail op jan punt jansen at gmail punt com graag.", SCAN_EMAIL, "jan punt jansen at gmail punt com");
	EXPECT("Het adres is a.kramer [at] hotmail [dot] com.", SCAN_EMAIL, "a.kramer [at] hotmail [dot] com");
	EXPECT("Petra: petra(at)ziggo(punt)nl.", SCAN_EMAIL, "petra(at)ziggo(punt)nl");
	EXPECT_NONE("Wij zijn er at home, een punt com adres is makkelijk.", SCAN_EMAIL);
	EXPECT("Bel Dirk: nul zes, tweeëntachtig, vierendertig, vijftig, negentien.", SCAN_PHONE,
	       "nul zes, tweeëntachtig, vierendertig, vijftig, negentien");
	EXPECT("tel nul-vijf-nul, drie-twee-vier, vijf-zes-zeven-acht.", SCAN_PHONE,
	       "nul-vijf-nul, drie-twee-vier, vijf-zes-zeven-acht");
	EXPECT_NONE("We waren met zijn tweeën en hadden nul punten.", SCAN_PHONE);
}

static void test_more_names(void **state)
{
	EXPECT("mevrouw ramdin is weer thuis.", SCAN_NAME, "mevrouw ramdin");
	EXPECT("Veel sterkte #sterktejolanda!", SCAN_NAME, "#sterktejolanda");
	EXPECT("Dikke knuffel voor #teamnoah vandaag.", SCAN_NAME, "#teamnoah");
	EXPECT("De 16-jarige Senna woont op de leefgroep.", SCAN_NAME, "Senna");
	EXPECT_NONE("mevrouw is weer thuis en meneer wil graag koffie.", SCAN_NAME);
	EXPECT_NONE("Morgen is #teamoverleg in zaal 2.", SCAN_NAME);
	EXPECT("Anja heeft net gehoord dat ze MS heeft.", SCAN_HEALTH, "MS");
	EXPECT("Bij Henk is DM2 vastgesteld.", SCAN_HEALTH, "DM");
	EXPECT("Mevrouw Jansen viel gisteren. Ze at slecht en is erg moe. Haar COPD speelt op.", SCAN_HEALTH, "COPD");
	EXPECT_NONE("Psychose herkennen: signalen voor familie en naasten.", SCAN_HEALTH);
}

/* Issue 16, wave 4: the classes batches 9-12 found missing (sentences not in the development set) */
static void test_label_grammar(void **state)
{
	EXPECT("Cliëntcode KX-40917 is van meneer Brandsma.", SCAN_PATIENT_NUMBER, "KX-40917");
	EXPECT("Het Wlz-nummer van mevrouw Oudshoorn is 7730155.", SCAN_PATIENT_NUMBER, "7730155");
	EXPECT("Patiënt-ID Q118230, dhr. Zijlstra, nuchter blijven.", SCAN_PATIENT_NUMBER, "Q118230");
	EXPECT("Verzekerde nr. 309117842 (mw. Hoekstra) graag controleren.", SCAN_PATIENT_NUMBER, "309117842");
	EXPECT("Mw. Brink, EPD 552-019, naar de fysio.", SCAN_PATIENT_NUMBER, "552-019");
	EXPECT("Wmo indicatie 2023-WMO-11820 van Lies loopt af.", SCAN_PATIENT_NUMBER, "2023-WMO-11820");
	EXPECT_NONE("Het dossier van 2019 ligt in de kast.", SCAN_PATIENT_NUMBER);
}

static void test_ages_in_words(void **state)
{
	EXPECT("Mijn oma is drieënnegentig en breit nog elke dag.", SCAN_DATE_OF_BIRTH, "drieënnegentig");
	EXPECT("De vijfenzeventigjarige meneer Post zingt in het koor.", SCAN_DATE_OF_BIRTH, "vijfenzeventigjarige");
	EXPECT("Mevrouw Lont viert zaterdag haar 90ste verjaardag.", SCAN_DATE_OF_BIRTH, "90ste verjaardag");
	EXPECT("Dhr. Pieters (bj. 1939) wil graag een kamer beneden.", SCAN_DATE_OF_BIRTH, "bj. 1939");
	EXPECT("Mijn vader, 84 en nog kwiek, wil een scootmobiel.", SCAN_DATE_OF_BIRTH, "84");
	EXPECT("Onze zoon (9) heeft veel buikpijn.", SCAN_DATE_OF_BIRTH, "9");
	EXPECT("Mevrouw Ruiters is van 1931 en leest nog zonder bril.", SCAN_DATE_OF_BIRTH, "1931");
	EXPECT_NONE("Zijn HbA1c was 61, de dokter is tevreden.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Het is zes uur, de bus is er om zeven.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Mensen van tachtig en ouder krijgen een brief.", SCAN_DATE_OF_BIRTH);
}

static void test_health_lexicon(void **state)
{
	EXPECT("Meneer Grootveld krijgt sinds maandag Xarelto.", SCAN_HEALTH, "Xarelto");
	EXPECT("Sem heeft ODD, zijn juf weet ervan.", SCAN_HEALTH, "ODD");
	EXPECT("Mevrouw Terpstra heeft Lewy body dementie.", SCAN_HEALTH, "Lewy body dementie");
	EXPECT("Mevrouw Dijkhuis viel vannacht. De dokter denkt aan een delier.", SCAN_HEALTH, "delier");
	EXPECT_NONE("Xarelto is een bloedverdunner die je niet zelf moet stoppen.", SCAN_HEALTH);
}

static void test_room_notations(void **state)
{
	EXPECT("Mw. Kroes (2.15) wil vandaag op bed blijven.", SCAN_ROOM, "2.15");
	EXPECT("Dhr. Bakkal ligt op D-22 sinds gisteren.", SCAN_ROOM, "D-22");
	EXPECT("Meneer Pool van appartement 1-04 belde om hulp.", SCAN_ROOM, "appartement 1-04");
	EXPECT("Mevrouw Veld (3C-11) heeft haar bril kwijt.", SCAN_ROOM, "3C-11");
	EXPECT("Dhr. Rahimi ligt op A2-07, bezoek na vier uur.", SCAN_ROOM, "A2-07");
	EXPECT_NONE("Kamer 9 van het hotel is geboekt voor de gastspreker.", SCAN_ROOM);
}

static void test_address_grammar(void **state)
{
	EXPECT("Mijn zus woont in Rua do Sol 15, Faro.", SCAN_ADDRESS, "Rua do Sol 15");
	EXPECT("Opa zit bij mijn oom op Ulica Polna 8, Krakau.", SCAN_ADDRESS, "Ulica Polna 8");
	EXPECT("Tante Mia woont aan de Achter de Kerk 4 in Wijk.", SCAN_ADDRESS, "Achter de Kerk 4");
	EXPECT("Meneer Haan woont op Prinsengracht 301-II.", SCAN_ADDRESS, "Prinsengracht 301-II");
	EXPECT("Lies is verhuisd naar Ringweg-Zuid 18.", SCAN_ADDRESS, "Ringweg-Zuid 18");
	EXPECT_NONE("Voor Kees 3 broodjes en voor Anna 2.", SCAN_ADDRESS);
}

static void test_staff_and_public(void **state)
{
	assert_int_equal(verdict("Onze nieuwe coördinator is Sanne de Jong, welkom!", NULL), SCAN_OK);
	assert_int_equal(verdict("Per 1 mei is Karim Haddou onze nieuwe teamleider.", NULL), SCAN_OK);
	assert_int_equal(verdict("Wielrenner Tom Dumoulin fietste mee met onze bewoners.", NULL), SCAN_OK);
	assert_int_equal(verdict("Doneren kan op NL91ABNA0417164300 t.n.v. de Vrienden van De Linde.", NULL), SCAN_OK);
	assert_int_equal(verdict("Gezocht: kok voor 20 uur. Info bij Marco, 06-22334455.", NULL), SCAN_OK);
	assert_int_equal(verdict("Ingediend door Lotte, afdeling communicatie.", NULL), SCAN_OK);
	/* and a client is still a client */
	assert_int_not_equal(verdict("Onze bewoner Karim Haddou is gevallen.", NULL), SCAN_OK);
	EXPECT("Dhr. Kok heeft vannacht slecht geslapen.", SCAN_NAME, "Dhr. Kok");
	EXPECT("mevrouw van dam wil haar dochter spreken.", SCAN_NAME, "mevrouw van dam");
}

static void test_mixed_phone(void **state)
{
	EXPECT("Bel zijn vrouw op 06 dertig 12 negen 8 7 vijf.", SCAN_PHONE, "06 dertig 12 negen 8 7 vijf");
	EXPECT("Nummer van Anouk: 0 6, 44, achttien, 90, 12.", SCAN_PHONE, "0 6, 44, achttien, 90, 12");
	EXPECT_NONE("Het vroor 0 graden, om 12 uur twee graden.", SCAN_PHONE);
}

static void test_wave5_classes(void **state)
{
	/* phone numbers read out without their 0, with calling nearby */
	EXPECT("Wil je hem appen? Zes drie een vier vier vijf twee acht negen.", SCAN_PHONE,
	       "Zes drie een vier vier vijf twee acht negen");
	EXPECT_NONE("In de zaal zaten zes drie een vier vier vijf twee acht negen kinderen.", SCAN_PHONE);
	/* lower-case listed first names, opening a line or after a verb of meeting */
	EXPECT("fatima ligt sinds gisteren op bed.", SCAN_NAME, "fatima");
	EXPECT("Vanmorgen zag ik mohammed bij de bakker.", SCAN_NAME, "mohammed");
	EXPECT_NONE("ik bel met de huisarts.", SCAN_NAME);
	/* a definite article before a condition points back to the person */
	EXPECT("Het gaat slecht met Kevin sinds maandag en het weekend. Hij eet niet meer, "
	       "slaapt niet en praat niet. De psychose komt terug denk ik.", SCAN_HEALTH, "psychose");
	EXPECT_NONE("De griepprik is op maandag in de grote zaal. De griep is gevaarlijk voor ouderen.",
	            SCAN_HEALTH);
}

static void test_wave5_tuned(void **state)
{
	/* a name in the quoted title of a work is a character */
	assert_int_equal(verdict("We gaan naar de film \"Tante Sientje en de zee\" in het filmhuis.", NULL), SCAN_OK);
	EXPECT("Tante Sientje kijkt graag naar de film \"De zee\".", SCAN_NAME, "Tante Sientje");
	/* a compound role word before or after a name */
	assert_int_equal(verdict("Groet van jongerencoach Dirk Veenstra.", NULL), SCAN_OK);
	assert_int_equal(verdict("Ik ben Ellen, wijkcoördinator in Noord.", NULL), SCAN_OK);
	/* chat spellings of person words */
	EXPECT("Mama is gisteren flink gevallen in de badkamer.", SCAN_HEALTH, "gevallen");
	EXPECT("Ons kind heeft sinds de zomer epilepsie.", SCAN_HEALTH, "epilepsie");
	/* ages after a pronoun, and birth years in other words */
	EXPECT("Opa Gerrit woont nog thuis. Hij is 91, maar fietst nog.", SCAN_DATE_OF_BIRTH, "91");
	EXPECT("Mijn vader is van '41 en wil niet naar een verzorgingshuis.", SCAN_DATE_OF_BIRTH, "41");
}

/* wave 6: the classes batch 14 missed before tuning (seen failing on the code before them) */
static void test_wave6_classes(void **state)
{
	/* measurements in care shorthand, with their number */
	EXPECT("Mw. Kroon: RR 90/55, pols 112, sat 91% bij 3L O2.", SCAN_HEALTH, "sat 91%");
	EXPECT("Mw. Kroon: RR 90/55, pols 112, sat 91% bij 3L O2.", SCAN_HEALTH, "O2");
	EXPECT("Mw. Said HbA1c 64, metformine opgehoogd.", SCAN_HEALTH, "HbA1c 64");
	EXPECT_NONE("Mevrouw Bakker heeft haar pols gebroken bij het fietsen.", SCAN_ROOM);
	EXPECT_NONE("Scholing saturatiemeter: wat is een normale sat? Inschrijven via het leerplein.", SCAN_HEALTH);
	/* inflected and slang health words */
	EXPECT("M'n broertje Stijn zit in een manische fase.", SCAN_HEALTH, "manische");
	EXPECT("Yara belde. Ze is weer aan het blowen.", SCAN_HEALTH, "blowen");
	/* a family word as the subject, any length */
	EXPECT("Schoonmoeder heeft Parkinson.", SCAN_HEALTH, "Parkinson");
	EXPECT_NONE("Schoonmoeder heeft Parkinson.", SCAN_NAME);
	EXPECT("Ik zit al 3 maanden thuis met een burn-out.", SCAN_HEALTH, "burn-out");
	/* pets are not people */
	assert_int_equal(verdict("Onze kat Saartje is 18 en heeft suikerziekte.", NULL), SCAN_OK);
	assert_int_equal(verdict("Mijn hond Bram moet aan zijn heup geopereerd worden.", NULL), SCAN_OK);
	/* rooms spoken of as places */
	assert_int_equal(verdict("Bed 12 is kapot, de monteur komt morgen.", NULL), SCAN_OK);
	assert_int_equal(verdict("Kamer 12 en 14 worden deze week geschilderd.", NULL), SCAN_OK);
	EXPECT("Mw. Ferreira ligt in kamer 5, de monteur komt morgen.", SCAN_ROOM, "kamer 5");
	/* other labels and endings */
	EXPECT("Dhr. Uzun, UMCG-nr 8829104, controle over zes weken.", SCAN_PATIENT_NUMBER, "8829104");
	EXPECT("Mw. Elzinga, Tsjerk Hiddesstrjitte 11, Leeuwarden.", SCAN_ADDRESS, "Hiddesstrjitte 11");
	EXPECT("Joep zijn mail: joepie2009 apestaartje hotmail punt com", SCAN_EMAIL, "joepie2009 apestaartje hotmail punt com");
	EXPECT("Stuur het maar naar s.bakir @ gmail . com, groet Sevgi.", SCAN_EMAIL, "s.bakir @ gmail . com");
	EXPECT_NONE("Prijs: 5 @ 3 euro. Nl is mooi.", SCAN_EMAIL);
	/* ward codes with a dot, wings named after trees */
	EXPECT("Dhr. Wolters heeft afasie en ligt op K2.04.", SCAN_ROOM, "K2.04");
	EXPECT("Wie brengt meneer Bouali terug naar Eik 2.11?", SCAN_ROOM, "Eik 2.11");
	EXPECT("Nieuwe cliënt Tomasz Nowicki komt dinsdag op De Berk 3.", SCAN_ROOM, "De Berk 3");
	/* birth years and lower-case names before an age */
	EXPECT("Mijn vader, jaargang '47, fietst nog elke dag.", SCAN_DATE_OF_BIRTH, "jaargang '47");
	EXPECT("onze pien is 3 en heeft koortsstuipen gehad.", SCAN_DATE_OF_BIRTH, "3");
	/* a letter O for the 0; a street named with its article where a person lives */
	EXPECT("Bel me: O6-24 81 90 33 (met een O).", SCAN_PHONE, "O6-24 81 90 33");
	EXPECT_NONE("Bij 3L O2 is de sat 91%.", SCAN_PHONE);
	EXPECT("Oom Piet is verhuisd naar De Wieken 112 in Emmeloord.", SCAN_ADDRESS, "Wieken 112");
	EXPECT_NONE("Jan gaat naar De Kuip 2 mei!", SCAN_ADDRESS);
	/* an organisation's own number that stays the same */
	assert_int_equal(verdict("Ons team heeft een nieuwe e-mail, het telefoonnummer blijft 0341 - 41 22 00.", NULL), SCAN_OK);
}

static void test_policy(void **state)
{
	struct scan_policy pol = {0};
	const char *s = "Bel me op 06-12345678.";
	pol.action[SCAN_PHONE] = SCAN_ACT_BLOCK;
	assert_int_equal(verdict(s, &pol), SCAN_BLOCK);
	pol.action[SCAN_PHONE] = SCAN_ACT_OFF;
	struct scan_result r = run(s, &pol);
	assert_int_equal(r.verdict, SCAN_OK);
	assert_int_equal(r.n, 0);
	scan_result_release(&r);
	pol.action[SCAN_PHONE] = SCAN_ACT_DEFAULT;
	pol.action[SCAN_BSN] = SCAN_ACT_WARN;
	assert_int_equal(verdict("BSN 123456782", &pol), SCAN_WARN);
}

static void test_ignore(void **state)
{
	static const char *const ignore[] = {"+31 30 123 45 67", "Zorgweg 12, 3584 CX Utrecht",
	                                     "INFO@Zorggroep.nl", NULL};
	struct scan_policy pol = {.ignore = ignore};
	const char *s = "Bel 030-1234567 of kom naar Zorgweg 12, 3584 CX. Mail info@zorggroep.nl.";
	struct scan_result r = run(s, &pol);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.verdict, SCAN_OK);
	scan_result_release(&r);
	/* another number is still found */
	r = run("Bel 030-7654321 of 06-12345678", &pol);
	assert_int_equal(r.n, 2);
	scan_result_release(&r);
}

static void test_limits(void **state)
{
	struct scan_result r = {0};
	char *big = xcalloc(SCAN_MAX_TEXT + 2, 1);
	memset(big, 'a', SCAN_MAX_TEXT + 1);
	assert_int_equal(scan_text(big, SCAN_MAX_TEXT + 1, NULL, &r), ERR_TOOBIG);
	free(big);
	assert_int_equal(scan_text("", 0, NULL, &r), 0);
	assert_int_equal(r.n, 0);
	/* invalid UTF-8 and NUL bytes must not upset anything */
	const char bad[] = "mevrouw \xff\xfe Jansen \xc3 kamer 12\0 06-12345678";
	assert_int_equal(scan_text(bad, sizeof bad - 1, NULL, &r), 0);
	for (size_t i = 1; i < r.n; i++)
		assert_true(r.v[i - 1].start <= r.v[i].start);
	scan_result_release(&r);
}

static void test_jsonl_format(void **state)
{
	const char *s = "Bel \"Anouk\" op 06-12345678 \xff";
	struct scan_result r = run(s, NULL);
	struct buf b = BUF_INIT(BUF_NOLIMIT);
	assert_int_equal(scan_format_jsonl(&b, 7, s, &r), 0);
	assert_string_equal(b.ptr,
		"{\"line\": 7, \"verdict\": \"warn\", \"findings\": ["
		"{\"type\": \"name\", \"start\": 5, \"end\": 10, \"text\": \"Anouk\", \"confidence\": 0.65}, "
		"{\"type\": \"phone\", \"start\": 15, \"end\": 26, \"text\": \"06-12345678\", \"confidence\": 0.90}]}");
	buf_reset(&b);
	assert_int_equal(scan_format_jsonl(&b, 3, NULL, NULL), 0);
	assert_string_equal(b.ptr, "{\"line\": 3, \"verdict\": \"error\", \"findings\": []}");
	buf_reset(&b);
	json_str(&b, "a\"b\\c\n\x01\xff\xc3\xa9", 10);
	assert_string_equal(b.ptr, "\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\xc3\xa9\"");
	buf_release(&b);
	scan_result_release(&r);
}

static void *scan_thread(void *arg)
{
	const char *s = arg;
	for (int i = 0; i < 200; i++) {
		struct scan_result r = {0};
		if (scan_text(s, strlen(s), NULL, &r) != 0 || r.verdict != SCAN_BLOCK || r.n < 4)
			return (void *)1;
		scan_result_release(&r);
	}
	return NULL;
}

static void test_threads(void **state)
{
	static const char s[] = "Mevrouw Jansen (kamer 12) heeft dementie, BSN 123456782, bel 06-12345678.";
	pthread_t th[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, scan_thread, (void *)s), 0);
	for (int i = 0; i < 4; i++) {
		void *rv;
		pthread_join(th[i], &rv);
		assert_null(rv);
	}
}

static void test_names_api(void **state)
{
	assert_string_equal(scan_type_name(SCAN_DATE_OF_BIRTH), "date_of_birth");
	assert_string_equal(scan_type_name(SCAN_PATIENT_NUMBER), "patient_number");
	assert_string_equal(scan_verdict_name(SCAN_BLOCK), "block");
	for (int t = 0; t < SCAN_NTYPES; t++) {
		assert_true(strlen(scan_type_explain_nl(t)) > 20);
		assert_true(strlen(scan_type_explain_en(t)) > 20);
	}
}


/* wave 8 (batch 15's false alarms, each seen warning or blocking with the
 * scanner before it): a staff signature with the role between name and
 * number, an organisation's own contact line, "spreekuur", a bed being
 * cleaned */
static void test_wave8_classes(void **state)
{
	(void)state;
	assert_int_equal(verdict("Met vriendelijke groet, Annemiek Hofstra, wijkverpleegkundige team Noord, 06-41235587.", NULL), SCAN_OK);
	assert_int_equal(verdict("Zorggroep De Vaart, Kanaalweg 14, 8011 AB Zwolle, tel. 038-4221900, info@zorggroepdevaart.nl.", NULL), SCAN_OK);
	EXPECT_NONE("Onze POH-GGZ Esther de Lange heeft vanaf 1 maart ook spreekuur op woensdag.", SCAN_HEALTH);
	assert_int_equal(verdict("Bed 7 is schoon en klaar voor de opname van morgen.", NULL), SCAN_OK);
	/* still client data: a client's number with a role word elsewhere */
	assert_int_not_equal(verdict("Mevrouw Jansen, cliënt van de wijkverpleegkundige, 06-41235587.", NULL), SCAN_OK);
	/* the health model's words join with the numbers between them */
	EXPECT("Mam heeft paracetamol 1000 mg van de huisarts voor haar knie.", SCAN_HEALTH, "paracetamol 1000 mg");
}

/* Wave 10 (batches 16 and 17): ages in the shapes people write them, tied
 * to a person word, and the look-alikes that are no age. */
static void test_wave10_ages(void **state)
{
	(void)state;
	EXPECT("Spoedpatiënt op box 2 van de SEH, vrouw van 45, allergische reactie.", SCAN_DATE_OF_BIRTH, "45");
	EXPECT("Rit van vannacht: vrouw van 82 jr op de Zandstraat, gevallen in de douche.", SCAN_DATE_OF_BIRTH,
	       "82 jr");
	EXPECT("Weet iemand hoe het is afgelopen met die jongen (19) van de N36?", SCAN_DATE_OF_BIRTH, "19");
	EXPECT("Ambu: man, 67 jr, onwel op de camping, glucose 2,4.", SCAN_DATE_OF_BIRTH, "67 jr");
	EXPECT("Mijn moeder van 86 krijgt sinds vorige week sondevoeding.", SCAN_DATE_OF_BIRTH, "86");
	EXPECT("hoe lang moet mijn oma nog wachten op een plek ze is 91 valt elke week", SCAN_DATE_OF_BIRTH, "91");
	EXPECT("Ons kleintje Jens is 4 mnd en heeft reflux.", SCAN_DATE_OF_BIRTH, "4 mnd");
	/* no age: a count, a measure, a time, a building */
	EXPECT_NONE("Ze is moeder van 3 kinderen en werkt bij ons.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Voor kinderen van 4 tot 12 jaar is er een knutselmiddag.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Een man van 80 kilo tillen we met de tillift.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("De vrouw van 10 uur kwam niet opdagen.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Het pand is 90 jaar oud en wordt verbouwd.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Hij is 3 keer gevallen deze week.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Het is 12 graden in de huiskamer.", SCAN_DATE_OF_BIRTH);
}

/* Wave 10: patient and client numbers under the labels batches 16 and 17
 * used; the hyphen's second half can be the label too. */
static void test_wave10_labels(void **state)
{
	(void)state;
	EXPECT("Mevr. Bakker (PID 00412987) moet nuchter blijven.", SCAN_PATIENT_NUMBER, "00412987");
	EXPECT("Kraamdossier KZ-0719: mevrouw Reinders is 37 weken zwanger.", SCAN_PATIENT_NUMBER, "KZ-0719");
	EXPECT("JGZ-dossier 220045871 (Noah Bos) overdragen aan de school.", SCAN_PATIENT_NUMBER, "220045871");
	EXPECT("Bewonersnummer BW-0387 staat nog op de oude kamer.", SCAN_PATIENT_NUMBER, "BW-0387");
	EXPECT("Het GGZ-nummer van mijn zoon is 771 204, kunt u dat invullen?", SCAN_PATIENT_NUMBER, "771 204");
	EXPECT("Dhr. De Boer (Wmo-dossier WMO-2024-3381) vraagt een scootmobiel aan.", SCAN_PATIENT_NUMBER,
	       "WMO-2024-3381");
	EXPECT_NONE("Bel het telefoon-nummer 0800-1234 van de GGZ.", SCAN_PATIENT_NUMBER);
	EXPECT_NONE("Het GGZ-team is 24 uur per dag bereikbaar.", SCAN_PATIENT_NUMBER);
}

/* Wave 11 (batch 18's misses as classes): lower-case names after a family
 * word or a naming verb, with a lower-case surname; names in hashtags after
 * a family word and in @-handles (a hint); babies' ages in weeks and months;
 * an age right after a name; the birth signs ° and *. */
static void test_wave11_names_ages(void **state)
{
	(void)state;
	EXPECT("al drie keer gebeld voor mijn vader wim hij ligt op de bank", SCAN_NAME, "wim");
	EXPECT("mijn opa heeft longkanker, hij heet harm en is mijn held", SCAN_NAME, "harm");
	EXPECT("kent iemand een advocaat mijn vader gerard van leeuwen is opgenomen", SCAN_NAME, "gerard van leeuwen");
	EXPECT("#beterschap #omaGeesje die vandaag haar staaroperatie heeft gehad", SCAN_NAME, "#omaGeesje");
	EXPECT("@sven_kuipers hoe gaat het met je vader?", SCAN_NAME, "@sven_kuipers");
	EXPECT("Moedergroep: mijn Loïs van 8 weken spuugt na elke voeding.", SCAN_DATE_OF_BIRTH, "8 weken");
	EXPECT("Hoi mama's! Bobbie is 14 maanden en loopt nog niet.", SCAN_DATE_OF_BIRTH, "14 maanden");
	EXPECT("hallo forum mijn dochter nina 15 eet niet meer", SCAN_DATE_OF_BIRTH, "15");
	EXPECT("Onze Sem is 1,5 jaar en praat nog niet.", SCAN_DATE_OF_BIRTH, "1,5 jaar");
	EXPECT("Ons kleintje van 2,5 maand spuugt veel.", SCAN_DATE_OF_BIRTH, "2,5 maand");
	EXPECT("Ons kleintje is 10 weken oud en drinkt slecht.", SCAN_DATE_OF_BIRTH, "10 weken oud");
	EXPECT_NONE("Hij heeft 2,5 jaar gewerkt bij ons.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Het meisje van 10 uur was er niet.", SCAN_DATE_OF_BIRTH);
	EXPECT("Intake: Jantina Wolters, °14-11-1944, COPD, woont alleen.", SCAN_DATE_OF_BIRTH, "14-11-1944");
	EXPECT("Zoon Luuk (* 05/06/2011) heeft diabetes type 1.", SCAN_DATE_OF_BIRTH, "05/06/2011");
	/* a handle alone is a hint, never a warning: mentioning is what the network is for */
	VERDICT(assert_int_equal, "@sven_kuipers bedankt voor het delen", SCAN_OK);
	EXPECT_NONE("mail me op jan@kpn.nl", SCAN_NAME);
	EXPECT_NONE("Mijn moeder is 3 weken opgenomen geweest.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Zij is 3 weken geleden gevallen.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("De cursus is 8 weken en kost niets.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Bel Piet 2 uur later terug.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Opening op 14-11-2025 in het wijkcentrum.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("mijn vader en moeder komen morgen", SCAN_NAME);
}

/* Wave 11: an organisation's own address and landline, and staff named
 * after a role at the start of a sentence, are hints; the same address
 * with a private person is not. */
static void test_wave11_org_lines(void **state)
{
	(void)state;
	const char *ok[] = {
		"Apotheek De Vijzel, Vijzelstraat 11, is op tweede paasdag gesloten.",
		"Tandartsenpraktijk Glimlach verhuist per 1 juni naar Molenpad 2, 7461 BP Rijssen. Nieuw nummer: 0548-52 00 40.",
		"Schoolverpleegkundige Chantal Verweij houdt spreekuur op woensdag, telefonisch via de GGD: 088-443 30 00.",
		"Nieuw in ons team: kraamverzorgende Marit de Haan. Het kantoor blijft 0521-51 10 20.",
		"Contributie voor de korfbalvereniging graag overmaken op NL81SNSB5967192611.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
	const char *warn[] = {
		"Mijn moeder woont op Molenpad 2, 7461 BP Rijssen.",
		"Apotheek De Vijzel brengt de medicijnen van mijn vader naar Molenpad 2 in Rijssen.",
		"Tandartsenpraktijk Glimlach: mevrouw Jansen, Molenpad 2, heeft een ontstoken kies.",
	};
	for (size_t i = 0; i < sizeof warn / sizeof warn[0]; i++)
		VERDICT(assert_int_not_equal, warn[i], SCAN_OK);
	/* round 2, after batches 74 to 76: "wij zijn" a verb, the rest of a
	 * display name after the handle, a role before ':' or "is", "al N jaar"
	 * and a role, the writer's figure of speech; what is health stays */
	const char *ok2[] = {
		"Wij zijn de hele week open, behalve op 1 januari. Herhaalrecepten doorgeven via de receptenlijn 0523 61 44 80.",
		"@Amira Haddad welkom in de groep! Stel gerust je vragen.",
		"Admin: Sofia Marinelli.",
		"Gespreksleider is Anke de Wit, 053 431 22 10.",
		"Ik ben al 7 jaar mantelzorger voor mijn vader en ik wil graag eens andere mantelzorgers spreken.",
		"ik ben zo moe vandaag dat ik er depressief van word",
	};
	for (size_t i = 0; i < sizeof ok2 / sizeof ok2[0]; i++)
		VERDICT(assert_int_equal, ok2[i], SCAN_OK);
	const char *warn2[] = {
		"Mijn man vraagt waar zijn moeder is, en die is al dertig jaar dood.",
		"Ik ben al drie jaar clean.",
		"Ik ben al 80 jaar oud en woon nog zelfstandig.",
		"@Amira Haddad heeft haar been gebroken.",
	};
	for (size_t i = 0; i < sizeof warn2 / sizeof warn2[0]; i++)
		VERDICT(assert_int_not_equal, warn2[i], SCAN_OK);
	/* round 3, after batches 77 to 79: a clock time after a name is no
	 * age, a dash signature, a review, a byline, a plural family word;
	 * the writer's drinking, cutting, a parent who no longer knows them */
	VERDICT(assert_int_not_equal, "Zaterdag orgelconcert in de kerk door organist Pieter-Jan Nijland, 15.00 uur. Toegang vrij.",
	        SCAN_BLOCK);
	const char *ok3[] = {
		"Vraag je apotheek om een Engelstalig medicatieoverzicht. — Lotte",
		"⭐⭐⭐⭐⭐ Mevrouw Tahiri van de thuiszorg is een engel. Altijd een glimlach.",
		"Moderator Esther Wiersma: ik open een topic met tips van andere leden.",
		"Stichting Leergeld helpt kinderen uit gezinnen met weinig geld. Aanvragen via 0575 20 09 41.",
	};
	for (size_t i = 0; i < sizeof ok3 / sizeof ok3[0]; i++)
		VERDICT(assert_int_equal, ok3[i], SCAN_OK);
	const char *warn3[] = {
		"Ik heb het pas na 3 jaar verteld. Na een aanval op mijn werk moest het wel. — Niek",
		"⭐⭐⭐⭐ Mijn moeder Truus is heel tevreden over de thuiszorg.",
		"Even eerlijk: ik drink te veel.",
		"Opa kent mij niet meer.",
		"Zat thuis met een burn-out, ik kon niks meer.",
	};
	for (size_t i = 0; i < sizeof warn3 / sizeof warn3[0]; i++)
		VERDICT(assert_int_not_equal, warn3[i], SCAN_OK);
	VERDICT(assert_int_equal, "Ik krijg er koppijn van, van die roosters.", SCAN_OK);
	/* round 4, after batches 80 to 82: "ma t/m do" is Monday, "meld je bij",
	 * a practice's AGB code, a flat to let; a colleague's second verb */
	const char *ok4[] = {
		"Het consultatiebureau heeft nieuwe openingstijden: ma t/m do 8.30-16.30. Bellen kan via 0318 55 07 40.",
		"Dagbesteding De Schuur zoekt chauffeurs. Meld je bij Marco, 0575 55 40 21.",
		"AGB-code praktijk: 04-091234. Vermeld deze bij iedere declaratie.",
		"Appartement 17 in complex De Kwekerij is te huur voor senioren.",
	};
	for (size_t i = 0; i < sizeof ok4 / sizeof ok4[0]; i++)
		VERDICT(assert_int_equal, ok4[i], SCAN_OK);
	const char *warn4[] = {
		"Kort bericht: Thomas van de avonddienst is met zijn scooter onderuitgegaan en heeft zijn sleutelbeen gebroken.",
		"AGB-code 01-123456 hoort bij de praktijk van mijn moeder.",
		"Ik ben sinds september compleet opgebrand.",
	};
	for (size_t i = 0; i < sizeof warn4 / sizeof warn4[0]; i++)
		VERDICT(assert_int_not_equal, warn4[i], SCAN_OK);
	/* a surname that ends like a care home, with health after it; not a
	 * doctor by title, not a place */
	EXPECT("Bert Hulshof is zondag overleden.", SCAN_NAME, "Bert Hulshof");
	VERDICT(assert_int_equal, "Op 1 februari verwelkomen we dr. Bart Hulshof als nieuwe specialist ouderengeneeskunde.",
	        SCAN_OK);
	VERDICT(assert_int_equal, "We gaan vrijdag met de bewoners naar de Lindehof.", SCAN_OK);
}

/* Wave 12: names in fixed expressions are nobody; staff described after
 * "onze", with a surname the finding left out, or joined by "en" to a staff
 * name; credits; a public figure's surname; an animal's health. */
static void test_wave12_staff_idioms(void **state)
{
	(void)state;
	const char *ok[] = {
		"Bij de kerstmarkt kwam Jan en alleman kijken, gezellig druk.",
		"Rouw is soms Jantje lacht, Jantje huilt. Praat erover met iemand die je vertrouwt.",
		"Leg de regels in Jip-en-Janneketaal uit, dan snapt iedereen ze.",
		"Om acht uur komt Klaas Vaak langs in de kinderkamer van het hospice.",
		"We halen de boodschappen bij de Albert Heijn op de hoek.",
		"Welkom aan Gerbrich Hiemstra, onze nieuwe praktijkondersteuner in Drachten.",
		"Inloop met Aster Haile, onze Amhaars-sprekende cultuurtolk, elke vrijdag in het buurthuis.",
		"Annemiek en Youssef van het facilitair team regelen de koffie bij de open dag.",
		"Tekst: redactie. Foto's: Dirk-Jan Wolters.",
		"Mark Rutte bezocht vorig jaar een zorgboerderij in Twente.",
		"Mijn hond Bram moet aan zijn heup geopereerd worden, wie kent een goede dierenarts?",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
	const char *warn[] = {
		"Gerbrich Hiemstra uit Drachten is gisteren gevallen en heeft haar heup gebroken.",
		"Annemiek en Youssef hebben allebei griep, ze komen deze week niet naar de dagbesteding.",
		"Mijn vader moet aan zijn heup geopereerd worden, hij is er erg zenuwachtig voor.",
		"Jan heeft weer koorts, de dokter komt vanmiddag.",
	};
	for (size_t i = 0; i < sizeof warn / sizeof warn[0]; i++)
		VERDICT(assert_int_not_equal, warn[i], SCAN_OK);
}

/* Wave 13, batch 21's misses as classes: rooms as "k4" and after a ward's
 * name, phones with an en dash or a letter O, more patient-number labels, a
 * care note's heading before a client, ages in more shapes (and birth
 * years of a whole group not), names by their company and with letters
 * Dutch does not write, a person in hospital; and the false alarms: a
 * notice's contact, a team introducing itself, public figures, an
 * organisation's own mobile line, a new director. */
static void test_wave13_classes(void **state)
{
	(void)state;
	EXPECT("Nachtdienst: Ruud op k9 heeft slecht geslapen.", SCAN_ROOM, "k9");
	EXPECT("Avonddienst: K14 (mevr. Dekker) had hoofdpijn.", SCAN_ROOM, "K14");
	EXPECT("Mw. Bakker verhuist naar afd. Eikenhof k7.", SCAN_ROOM, "Eikenhof k7");
	EXPECT("Bel mijn dochter: O6-3O 12 44 87, na vijf uur.", SCAN_PHONE, "O6-3O 12 44 87");
	EXPECT("Mijn nieuwe nummer is 06 \xE2\x80\x93 21 43 65 87, groet Wim", SCAN_PHONE,
	       "06 \xE2\x80\x93 21 43 65 87");
	EXPECT("Cliënt #40417 verhuist volgende week.", SCAN_PATIENT_NUMBER, "40417");
	EXPECT("dhr. Smit (cl.nr. 55012) wacht op de arts.", SCAN_PATIENT_NUMBER, "55012");
	EXPECT("Zorgverzekeringsnr ZK 7781230 van mevrouw Pos klopt niet.", SCAN_PATIENT_NUMBER, "ZK 7781230");
	VERDICT(assert_int_not_equal, "Late dienst: Fenna heeft buikpijn en at niets.", SCAN_OK);
	EXPECT("Opa Kees wordt over drie weken 90 en wil geen feest.", SCAN_DATE_OF_BIRTH, "90");
	EXPECT("Voor tante Riek, die morgen 85 wordt.", SCAN_DATE_OF_BIRTH, "85 wordt");
	EXPECT("Sem (bijna 4) speelt graag buiten.", SCAN_DATE_OF_BIRTH, "4");
	EXPECT("Oma werd geboren in de oorlogswinter van '43.", SCAN_DATE_OF_BIRTH, "'43");
	EXPECT("Meneer Alvarez is ergens in de negentig.", SCAN_DATE_OF_BIRTH, "in de negentig");
	EXPECT("Mijn zoon is een jaar of twaalf.", SCAN_DATE_OF_BIRTH, "een jaar of twaalf");
	EXPECT("dhr. Post opgenomen, achtentachtig jaar, COPD.", SCAN_DATE_OF_BIRTH, "achtentachtig jaar");
	EXPECT_NONE("Iedereen geboren in 1955 of eerder krijgt een uitnodiging.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Geboren tussen 1950 en 1960? Doe mee aan het onderzoek.", SCAN_DATE_OF_BIRTH);
	EXPECT("tante ria koolhoven is weer thuis.", SCAN_NAME, "tante ria koolhoven");
	EXPECT("omke Sjoerd leit yn it sikehûs.", SCAN_NAME, "omke Sjoerd");
	EXPECT("Wasyl en Iryna Melnyk zoeken een huisarts.", SCAN_NAME, "Wasyl");
	EXPECT("Şevket zit graag in de tuin.", SCAN_NAME, "Şevket");
	EXPECT("ik sprak petra de jong gisteren, ze heeft griep", SCAN_NAME, "petra de jong");
	VERDICT(assert_int_not_equal, "Namens Jurmaine: bedankt voor de bloemen!", SCAN_OK);
	VERDICT(assert_int_not_equal, "De dochter van Władysław belde vanochtend.", SCAN_OK);
	EXPECT("Mijn moeder ligt sinds dinsdag in het ziekenhuis.", SCAN_HEALTH,
	       "ligt sinds dinsdag in het ziekenhuis");
	EXPECT("Pa's scan was niet goed. Uitzaaiingen in de botten, zegt de oncoloog.", SCAN_HEALTH, "Uitzaaiingen");
	const char *ok[] = {
		"Opgeven bij Marloes, uiterlijk vrijdag.",
		"De nieuwe ergotherapeut begint maandag, ze heet Inge. Welkom!",
		"Ons team: Sanne (EVV), Ruben (helpende) en Ilse (leerling-verzorgende).",
		"Vrijdag luisteren we naar Marco Borsato in de huiskamer.",
		"Boekentip: 'Hersenschimmen' van J. Bernlef.",
		"Onze WhatsApp-lijn: 06 44 55 66 77, we reageren binnen een dag.",
		"We gaan met de vrijwilligers naar Gdańsk.",
		"Per 1 mei is mevrouw J. Kaya onze nieuwe bestuurder.",
		"Mijn vader werkt in het ziekenhuis.",
		"Net verschenen: 'Een jaar in de wijk' van Petra Vos, over het werk van wijkverpleegkundigen.",
		"Het spreekuur is verplaatst naar het buurthuis aan de Jan Pietersz Coenstraat 10.",
		"Excuses voor het ongemak, we bellen u morgen terug. ^Mirjam",
		"Maandag is de Dag van de Verpleging, de geboortedag van Florence Nightingale (12 mei 1820).",
		"Zijn wandelx75721ingen goed voor mijn rug?",
		/* "baby's" is a plural as well as a possessive */
		"Spreekuur: Slapen bij baby's\n4 dec 2026, 15:00 tot 4 dec 2026, 16:00.\nAlgemene informatie, geen "
		"diagnose. Bij spoed belt u uw huisarts of 112.",
	};
	EXPECT("Is er iemand met long covid? Ik (34) ben net afgekeurd.", SCAN_DATE_OF_BIRTH, "34");
	VERDICT(assert_int_not_equal, "Hierbij mijn IBAN voor de bijdrage van mijn vader, t.n.v. W. Jonker.", SCAN_OK);
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
}

/* Wave 14 (batch 23): in-laws and Flemish/Frisian family words make a
 * person; a birthday's when after "wordt 18"; an address after "adres is";
 * contacts of a notice and new colleagues are staff; languages and foreign
 * greetings are no names; role mailboxes written out are the organisation's. */
static void test_wave14_classes(void **state)
{
	(void)state;
	EXPECT("Bompa (89) was helemaal van de kaart na die operatie.", SCAN_DATE_OF_BIRTH, "89");
	EXPECT("dochterlief wordt 18 volgende week en wil alleen naar de tandarts.", SCAN_DATE_OF_BIRTH, "18");
	EXPECT("Ons nieuwe adres is Hooghout 22 in Wijchen.", SCAN_ADDRESS, "Hooghout 22");
	EXPECT_NONE("Het tarief wordt 18 volgende week hoger.", SCAN_DATE_OF_BIRTH);
	EXPECT("Heit leit yn it sikeh\xC3\xBBs yn Ljouwert.", SCAN_HEALTH, "leit yn it sikeh\xC3\xBBs");
	EXPECT("Schoonpa heeft de ziekte van P. en trilt steeds erger.", SCAN_HEALTH, "ziekte van P");
	EXPECT("Mijn vader is op 68-jarige leeftijd overleden.", SCAN_DATE_OF_BIRTH, "68-jarige");
	EXPECT("Mijn man Kees is zevenenzestig maar voelt zich honderd.", SCAN_DATE_OF_BIRTH, "zevenenzestig");
	VERDICT(assert_int_equal, "Vacature verzorgende. Solliciteren via werken@zorg.nl t.a.v. mevrouw R. Bakker.", SCAN_OK);
	VERDICT(assert_int_equal,
	        "Vacature: verzorgende IG (24-32 uur) bij woonzorgcentrum De Wingerd. Vragen? Bel teamleider Saskia "
	        "Molenaar op 06-28193344 of mail s.molenaar@dewingerd.nl.",
	        SCAN_OK);
	VERDICT(assert_int_equal, "Wy sykje in nije kok. Belangstelling? Skilje nei 0515-430 912.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Stuur de brief t.a.v. mevrouw Jansen naar de huisarts.", SCAN_OK);
	EXPECT("De nieuwe medewerker vond Kees op de vloer, hij had een hoofdwond.", SCAN_NAME, "Kees");
	EXPECT("Overdracht groep 2: J.K. (14) heeft zich gisteravond gesneden.", SCAN_NAME, "J.K.");
	EXPECT("Overdracht groep 2: J.K. (14) heeft zich gisteravond gesneden.", SCAN_DATE_OF_BIRTH, "14");
	EXPECT("J.v.d.B. is weer opgenomen op de PAAZ.", SCAN_NAME, "J.v.d.B.");
	EXPECT("Dagbesteding De Wilg: Hennie was vandaag weer erg onrustig.", SCAN_NAME, "Hennie");
	EXPECT_NONE("N.B. is de deadline vrijdag.", SCAN_NAME);
	EXPECT("Bel mijn moeder Ria op 0513-612345, ze is gevallen.", SCAN_PHONE, "0513-612345");
	VERDICT(assert_int_not_equal, "Bel mijn moeder Ria op 0513-612345, ze is gevallen.", SCAN_OK);
	EXPECT_NONE("P.S. heeft iemand mijn sleutel gezien?", SCAN_NAME);
	/* a hashtag closing the post is no signature */
	VERDICT(assert_int_not_equal, "Morgen wordt ze geopereerd. #sterkvoorsjoukje", SCAN_OK);
	EXPECT("Morgen wordt ze geopereerd. #sterkvoorsjoukje", SCAN_NAME, "#sterkvoorsjoukje");
	const char *ok[] = {
		"Vragen over je zorgnota? Mail naar declaraties (at) zorgkantoor-oost.nl.",
		"Interesse? Bel Priscilla van P&O, 074 - 255 60 12.",
		"Wy sykje frijwilligers. Belje mei Jitske: 0513 - 61 44 90.",
		"Welkom aan onze nieuwe collega's Yonas, Agnieszka en Mei-Ling!",
		"Tip: de app spreekt ook Tigrinya en Amhaars, handig bij huisbezoeken.",
		"Feliz Navidad, Merry Christmas, Wesołych Świąt, Zalig Kerstfeest!",
		"Is het wachtwoord van de wifi in kamer 2 van het wijkgebouw nog hetzelfde?",
		"Bed 2 van de logeerkamer moet nog opgemaakt voor de vrijwilliger.",
		/* after batch 25 */
		"Rooster kerst: vroeg 24/12 Jolien en Bas, laat Fatma en Ingrid.",
		"Meester Tim neemt groep 7 over, want juf Carla gaat met pensioen.",
		"Kom naar de infoavond in Goes of bel Annelies op 0113-248 900.",
		"Vanaf 2 februari zit de bloedafname bij ingang C. Een afspraak maken kan via de app.",
		"Lukt inloggen met DigiD niet, mail dan naar patientenportaal@ziekenhuis.nl.",
		"De teamtelefoon van Wijkzorg De Waarden is het hele weekend bereikbaar op 06 18 77 20 51.",
		"Waar die nieuwe rolstoelen blijven? Joost mag het weten.",
		/* one weak word of the health model is no warning (a black-box test's question) */
		"Mag mijn vader zelf zijn eten meenemen naar de dagbesteding? declined123n4",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
}

/* Wave 15 (batch 26): devices and pets named like people, towns, roles
 * written as compounds, a practice handed on; recovery counts, a parent
 * named by a child's word, situations told without a care word. */
static void test_wave15_classes(void **state)
{
	(void)state;
	EXPECT("Herstelgroep: vandaag 60 dagen nuchter, en trots!", SCAN_HEALTH, "60 dagen nuchter");
	EXPECT("Al twee jaar clean en nu eindelijk een baan.", SCAN_HEALTH, "twee jaar clean");
	EXPECT_NONE("Het is al drie weken droog, de tuin is kurkdroog.", SCAN_HEALTH);
	VERDICT(assert_int_not_equal, "mam is vanochtend overleden. dank voor jullie berichten", SCAN_OK);
	EXPECT("Sinds pap niet meer weet hoe de tv werkt bel ik elke avond.", SCAN_HEALTH, "niet meer weet hoe");
	EXPECT("Mijn oma herkent me niet meer, zei ze gisteren tegen de zuster.", SCAN_HEALTH, "herkent me niet meer");
	EXPECT("Zijn vader komt zijn bed niet meer uit sinds de val.", SCAN_HEALTH, "komt zijn bed niet meer uit");
	EXPECT("Mien va is zo vergeetachtig worden.", SCAN_HEALTH, "vergeetachtig");
	EXPECT("Kees uit de groep ligt sinds gisteren op de HIC.", SCAN_HEALTH, "ligt sinds gisteren op de HIC");
	/* a teenager on a Sunday is no health */
	VERDICT(assert_int_equal, "Mijn zoon komt op zondag zijn bed niet uit.", SCAN_OK);
	const char *ok[] = {
		"Nieuw in huis De Linde: de tillift Rosa Lift, de leverancier geeft uitleg.",
		"Op de open dag ontmoet je Bo, de zorgrobot die bewoners aan hun afspraken herinnert.",
		"Onze hond Bas komt elke vrijdag op bezoek bij de bewoners.",
		"De Zonnebloem afdeling Tiel zoekt nog chauffeurs voor de dagtochten.",
		"Lezing met SCEN-arts Marloes Venema, dinsdag om 19.30 uur, Kerkstraat 5, Eibergen.",
		"Dokter De Wit stopt; haar praktijk wordt overgenomen door Maaike Holtrop.",
		"Vragen over je rooster? Bel planner Ricardo op 0318-641900.",
		/* after batch 27: staff news */
		"Onze collega Gerrie Bos gaat met pensioen. Gerrie begon in 1984 als leerling.",
		"Welkom aan Joost Wever, per 1 maart de nieuwe manager wonen.",
		"Nieuw gezicht: vanaf maandag werkt Esra Kaya bij ons als doktersassistente.",
		"Het rooster staat online. Vragen aan Sander of Petra.",
		"Info bij teamleider Ruud Post, 06-12345678.",
		"Te laat thuis? Bel de avonddienst op 06-11223344.",
		"Zorgpop Anna helpt onrustige bewoners op de afdeling.",
		"Sprekers: geestelijk verzorger Jan-Willem Kok en onze assistente Sevda.",
		/* after batch 28 */
		"Onze tillift heet Bertha en ze heeft een nieuwe accu.",
		"De zorgboerderij heeft een nieuwe ezel, hij heet Gerrit!",
		"Onze ergotherapeuten Sanne Bruins en Ilse Kok starten een valgroep.",
		"Vanaf maart is Wendy Kramer onze nieuwe praktijkmanager. Ze neemt het stokje over van Jan Smit.",
		"Training op 4 februari, Burg. Jansenlaan 14, Nieuwegein.",
		"Kerstborrel in de kantine van Wilgenhof, Wilgenlaan 40, Hoogeveen.",
		/* English is left to the rules: the models learned Dutch */
		"Linux commands are case-sensitive, and almost always are all lower-case.",
		"Every even-numbered major version will become an LTS release.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
	/* after batch 28: death in few words, an age in dialect */
	VERDICT(assert_int_not_equal, "Pa is dood. Zaterdag is de dienst.", SCAN_OK);
	EXPECT("Ons moeder is gister tachtig gewore.", SCAN_DATE_OF_BIRTH, "tachtig gewore");
	VERDICT(assert_int_not_equal, "My mother Anna has dementia and lives in Utrecht.", SCAN_OK);
	/* a client's contact is no work line */
	VERDICT(assert_int_not_equal, "Contactpersoon van de cli\xC3\xABnt: Ria Bos, 06-23456789.", SCAN_OK);
	/* a daughter is still a person after a comma */
	EXPECT("Mijn dochter Floor, de jongste, heeft astma.", SCAN_NAME, "Floor");
}

/* Wave 16 (after batch 30): a colleague's own health and age (labelling
 * rule 6), ages in more shapes, recovery as "geen X", hospital in a clause's
 * order; generic clients, number words, a team's vacancy contact, things
 * named in a list, a desk's line and a training's venue are no one's. */
static void test_wave16_classes(void **state)
{
	(void)state;
	EXPECT("Onze collega Marieke heeft griep, dus ik draai haar dienst.", SCAN_HEALTH, "griep");
	EXPECT("Helaas: collega Henk Bos is gisteren plotseling overleden.", SCAN_HEALTH, "overleden");
	EXPECT("Onze Tineke van de keuken wordt vrijdag 65 en gaat met pensioen.", SCAN_DATE_OF_BIRTH, "65");
	EXPECT("Kees van de overkant (91!) rijdt nog auto.", SCAN_DATE_OF_BIRTH, "91");
	EXPECT("ik ben Ronnie ik ben 44 ik woon in een huis met begeleiding.", SCAN_DATE_OF_BIRTH, "44");
	EXPECT("Wij (Jolien, 38) zoeken een oppas.", SCAN_DATE_OF_BIRTH, "38");
	EXPECT("Hij is vorige week gestorven, 88 jaar oud.", SCAN_DATE_OF_BIRTH, "88 jaar oud");
	EXPECT("Mijn buurman Gerrit is dinsdag overleden. 79 jaar.", SCAN_DATE_OF_BIRTH, "79 jaar");
	EXPECT("Vandaag twee jaar geen zelfbeschadiging!", SCAN_HEALTH, "twee jaar geen zelfbeschadiging");
	EXPECT("De buurvrouw vertelde dat Annie in het ziekenhuis ligt.", SCAN_HEALTH, "in het ziekenhuis ligt");
	EXPECT("Wie belt Joop even? Hij is net uit het ziekenhuis.", SCAN_HEALTH, "uit het ziekenhuis");
	VERDICT(assert_int_not_equal, "opa vannacht overleden. ik weet het nog niet", SCAN_OK);
	/* a private search keeps its mobile */
	VERDICT(assert_int_not_equal, "Mijn vader zoekt een maatje. Bel zijn buurvrouw, Ans Wit, 06-24681357.", SCAN_OK);
	EXPECT("Onze Bep (onze buurvrouw, 90!) woont nog zelfstandig.", SCAN_DATE_OF_BIRTH, "90");
	EXPECT("Onze buurman Jaap Kok is gisteren overleden, 84 jaar geworden.", SCAN_DATE_OF_BIRTH, "84 jaar geworden");
	/* a landline with someone in the post keeps its weight */
	VERDICT(assert_int_not_equal, "Zijn nummer is 0524-531290, bel hem gerust.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Mijn moeder is ziek van de chemo.", SCAN_OK);
	/* a team post with someone's fall or a private mailbox stays counted */
	VERDICT(assert_int_not_equal, "Rooster: Sanne valt uit na haar val, haar diensten gaan naar Bram.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Anouk wil het rooster per mail, anouk.p@hotmail.com. Kan de planner dat doen?", SCAN_OK);
	VERDICT(assert_int_not_equal, "oma gevallen, op de SEH, later meer", SCAN_OK);
	EXPECT("ik (v, 29) slaap al weken slecht.", SCAN_DATE_OF_BIRTH, "29");
	EXPECT("hoi ik ben sjors 16 jaar en zoek een bijbaan.", SCAN_DATE_OF_BIRTH, "16 jaar");
	EXPECT("Mijn zoon revalideert na een auto-ongeluk.", SCAN_HEALTH, "revalideert");
	VERDICT(assert_int_not_equal, "Mijn vader weigert zijn medicatie.", SCAN_OK);
	const char *ok[] = {
		"Gerda Smit, 25 jaar onze kok, gaat met pensioen.",
		"Fysiotherapeut Lotte Brink heeft de opleiding oncologie afgerond.",
		"Schrijf nooit de diagnose van een cli\xC3\xABnt in de groepsapp.",
		"Een bewoner met dementie speel je in de training, een acteur helpt.",
		"De robots Sjaak en Bep staan in de hal.",
		"Bestellen kan via 0524 55 12 34, wij bezorgen gratis.",
		"Bel het zorgloket van de gemeente op 0597 41 20 00.",
		"Cursus omgaan met dementie in het gemeentehuis, Raadhuisplein 5, 8441 ES Heerenveen.",
		"Team Noord zoekt een verzorgende IG. Vragen? Ilse Vos, 06 12 34 56 78.",
		/* after batches 31 and 32 */
		"Nieuw nummer van de zorgcentrale: 088 765 43 21. Het oude (050-3131313) werkt tot maart.",
		"Lieke, Tom en Sanne van team Oost bakten taart voor de bewoners.",
		"Bonnen liggen klaar bij Marja op kantoor. Vragen? Appje naar Ruud.",
		"De bewoners van Woonzorgcentrum Zuster Bertha zongen in het winkelcentrum.",
		"De lunch is in vergaderkamer Wilhelmina, in gebouw Anne Frank.",
		"Oefenpop Annie en onze kantoorhond Bobbie kregen een nieuwe plek.",
		"Het nieuwe huis gaat verder onder de naam Meander.",
		"De oude printer is weg. De nieuwe heet Jansje en werkt draadloos.",
		"Ik word echt ziek van die nieuwe planning.",
		/* after batches 33 and 34: a team's own post, things named */
		"Jubileum! Ria Vos is vandaag 25 jaar in dienst, taart in de teamkamer.",
		"Vandaag 30 jaar in dienst: onze Annet Kramer! Taart in de teamkamer.",
		"De tillift heet sinds deze week officieel 'Gerrit'. Hij tilt als een kampioen.",
		"Onze nieuwe auto's kregen namen: Fenna, Kees en Mien. Fenna rijdt het zuinigst.",
		"Die Pietje Bell-pop in de speelhoek mist een arm.",
		"Dagbestedingskat Moos is jarig en krijgt een visje.",
		"Ik word zo gek van dit rooster, ik krijg er hoofdpijn van.",
		/* after batch 35 */
		"Kerstmarkt in De Linde, zaterdag van 11 tot 16 uur, Lindelaan 40, 6816 SM Arnhem.",
		"Per 1 maart wordt Iris Kok onze locatiemanager. Zij volgt Ruud Smit op.",
		/* after batch 36 */
		"Lezing 'Als je vergeetachtig wordt' met casemanager dementie Ruud Kok, 20 uur.",
		"Kerstviering voor bewoners en familie op 21 december in Huize Zon, Beatrixlaan 2, 3881 KD Putten.",
		"Stel: een bewoner weigert zijn medicatie. Mag je die dan in de vla doen?",
		"Gedeputeerde Ilse de Boer opent het nieuwe hospice.",
		"Op mijn loonstrook van november staat nog de oude schaal.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
}

/* Wave 17 (batches 37 to 40): things named after the name ("'Karel'
 * genoemd"), animals listed after a comma, staff by their leave, their
 * replacement, a roster of days, a reply's "we hebben het aan X
 * doorgegeven"; role mailboxes by an everyday word; a team's or a post's
 * mobile; a teaching case and a public figure's own health; "ik" left out. */
static void test_wave17_classes(void **state)
{
	(void)state;
	EXPECT("Ben 71, net met pensioen en sinds het voorjaar herstellende van longkanker.", SCAN_DATE_OF_BIRTH, "71");
	VERDICT(assert_int_not_equal, "Heb sinds vrijdag koorts en keelpijn, wie heeft tips?", SCAN_OK);
	EXPECT("Mien Jansen is gevallen.", SCAN_NAME, "Mien Jansen");
	/* the writer's own family, a named client, a private mobile stay counted */
	VERDICT(assert_int_not_equal, "Casus: mevrouw Pieters op kamer 9 heeft decubitus. Tips?", SCAN_OK);
	VERDICT(assert_int_not_equal, "Zanger Ruud bezocht mijn moeder, die dementie heeft.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Bel mij op mijn nachttelefoon 06-12345678 als mijn vader weer valt.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Anonieme vraag, maar ik ben Joost uit Assen: ik drink elke dag te veel.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Sietske van de dagbesteding is vanochtend gevallen en heeft haar pols gebroken.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Mijn vader heeft buikpijn en de huisarts komt niet.", SCAN_OK);
	EXPECT("Hij is bouwjaar 1947 en heeft COPD.", SCAN_DATE_OF_BIRTH, "bouwjaar 1947");
	EXPECT("Mw. Jansen-de Rooij ('38) heeft een CVA gehad.", SCAN_DATE_OF_BIRTH, "'38");
	EXPECT("Met pijn in het hart laten we weten dat meneer Bos vannacht is overleden.", SCAN_HEALTH, "overleden");
	EXPECT("Meneer Ter Steege woont op de Dorpsbrink 6 in Ruinen.", SCAN_ADDRESS, "Dorpsbrink 6");
	EXPECT("Onze tweeling van 4 maanden huilt de hele dag.", SCAN_DATE_OF_BIRTH, "4 maanden");
	EXPECT("Onze buurman is vannacht overleden. 91 jaar werd hij.", SCAN_DATE_OF_BIRTH, "91 jaar");
	EXPECT_NONE("Het gebouw is oud. 40 jaar was het een school.", SCAN_DATE_OF_BIRTH);
	const char *ok[] = {
		"Onze oude wasmachine, door iedereen 'Truus' genoemd, gaat eindelijk met pensioen.",
		"De rolstoelen in de hal kregen namen: Snelle Henk, Tante Bep en Ome Kees.",
		"Op de afdeling zwemmen nu drie goudvissen, Piet, Klaas en Bert.",
		"Onze nieuwe bus, die bij ons 'Ome Wim' heet, rijdt vanaf maandag.",
		"Er is een nieuwe begeleider op groep Noord. Hij heet Yusuf en houdt van koken.",
		"Na 25 jaar neemt Gerrit Bos afscheid als conci\xC3\xABrge van de school.",
		"De balie wordt deze week bemand door Fatma en Ilse.",
		"Tijdens het verlof van Mirjam kun je met vragen terecht bij Koen.",
		"Leesclub december: maandag Annet, woensdag Hanneke, vrijdag vrij.",
		"Bedankt voor uw compliment! We hebben het aan Sanne en Rachid doorgegeven.",
		"Vragen over mantelzorg? Mail steunpunt@mantelzorgzwolle.nl of bel 038-4211234.",
		"Nachtrooster week 3: ma/di Frank, wo/do Anouk. Achterwacht is Petra via de achterwachttelefoon 06-11223344.",
		"Team West is bereikbaar van 8 tot 22 uur op 06-55443322.",
		"Oefencasus: 'Pati\xC3\xABnt X, bekend met COPD, komt benauwd binnen.' Wat vraag je eerst?",
		"Casus voor de intervisie: een cli\xC3\xABnt met beginnende dementie weigert de douche.",
		"Scholingscasus: meneer De Vries (fictief, 70) valt thuis. Wat doe je?",
		"Tv-presentator Bas Hoek vertelt in zijn boek openlijk over zijn depressie.",
		"Collega's, ik ben twee weken weg: niet ziek hoor, gewoon op vakantie!",
		"Mijn buik doet nog pijn van het lachen na die personeelsavond.",
		"Ik zie op tegen die audit, ik krijg er gewoon buikpijn van.",
		"Slagerij Van den Berg sponsort de kerstlunch.",
		"Ons KvK-nummer 61234567 en onze AGB-code 12345678 staan op de factuur.",
		"Infoavond mantelzorg donderdag om 19u, Kerkstraat 5, 2400 Mol.",
		"Stichting Thuis benoemt Ellen Smit tot nieuwe bestuurder per 1 maart.",
		/* after batches 41 and 42 */
		"Nieuw in de huiskamer: een robotkat die spint. De bewoners hebben hem 'Kees' genoemd.",
		"Graag afgeven bij Tineke op de eerste verdieping.",
		"Contact: Esra Demir, 088-4432000.",
		"Contactpersoon voor de kerstmarkt dit jaar is Marieke Bos.",
		"Het concert wordt verzorgd door het koor van Dirk Mooij.",
		"Intervisie in kamer 2.11, begeleiding door Esther van Loon. Aanmelden bij Jos.",
		"Wie wil er in de feestcommissie? Bas en Nicole zitten er al in.",
		"Betalen kan zoals altijd op NL91ABNA0417164300 o.v.v. uw klantnummer.",
		"Die meid heeft het hart op de tong.",
		"Bed 1 uit de showroom is verkocht, de andere bedden zijn nog te koop.",
		"De afdelingen zijn via het keuzemenu bereikbaar: 0543-497000.",
		"Onze bus is bouwjaar 2008 en rijdt nog prima.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
}

/* Wave 18 (batches 43 to 46): each seen failing on the wave-17 scanner
 * (the guards that keep a person: not). */
static void test_wave18_classes(void **state)
{
	(void)state;
	EXPECT("Ik was op het feest van mijn opa. 90 jaar en hij danste nog de hele avond.", SCAN_DATE_OF_BIRTH,
	       "90 jaar");
	EXPECT_NONE("Een mooi project van de gemeente. 10 jaar en het staat er nog.", SCAN_DATE_OF_BIRTH);
	EXPECT("Onze kleine meid is vandaag 5 geworden.", SCAN_DATE_OF_BIRTH, "5 geworden");
	EXPECT("Groeten van Henk en Ria! Dankzij de rolstoel van Henk konden we mee naar de markt.", SCAN_HEALTH,
	       "rolstoel");
	EXPECT("Ze is vandaag jarig en eindelijk thuis! #dappereFleur", SCAN_NAME, "#dappereFleur");
	/* after batch 46 */
	EXPECT("Roos (4) mocht vandaag eindelijk naar huis.", SCAN_NAME, "Roos");
	EXPECT("Roos (4) mocht vandaag eindelijk naar huis.", SCAN_DATE_OF_BIRTH, "4");
	EXPECT("Mijn ouders vieren op hun 60e nog elk jaar carnaval.", SCAN_DATE_OF_BIRTH, "60e");
	/* after batch 45 */
	EXPECT("Ik ben Kwame, 51, en ik hoor 's nachts stemmen.", SCAN_DATE_OF_BIRTH, "51");
	VERDICT(assert_int_not_equal, "Herdenking voor alle overleden bewoners, ook voor mijn vader die in mei is overleden.",
	        SCAN_OK);
	/* lost in the street is still health */
	VERDICT(assert_int_not_equal, "Mijn vader raakt de weg kwijt in de nieuwe wijk.", SCAN_OK);
	const char *ok[] = {
		"Jubileum: Kees Bakker 25 jaar en Ans de Wit 40 jaar in dienst, gefeliciteerd!",
		"Hij is zo doof als een kwartel als je hem om hulp vraagt, onze nieuwe stagiair \xF0\x9F\x98\x84",
		"Ik ben de weg kwijt in dat nieuwe dossierprogramma, wie helpt?",
		"Welkom aan onze nieuwe BBL-leerlingen Sara en Tom!",
		"Er starten drie nieuwe stagiaires op de groep, zeg ze gedag als je ze ziet \xF0\x9F\x91\x8B Ze lopen mee "
		"met Jolien.",
		"Mensen met het syndroom van Down krijgen vaak eerder dementie dan anderen, soms al rond hun vijftigste.",
		"Herdenking in de kapel voor alle bewoners die dit jaar zijn overleden, zondag om 11.00.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
}

/* Wave 19 (batches 48 and 49): birth years in brackets, the writer's
 * lower-case name and age, an organisation's client codes, a date after a
 * BSN, animals and apps named like people, a colleague's own health. */
static void test_wave19_classes(void **state)
{
	(void)state;
	EXPECT("Meneer Dekker (1948) is vanochtend gevallen in de gang.", SCAN_DATE_OF_BIRTH, "1948");
	EXPECT("Mijn zoon Daan (2016) heeft sinds gisteren koorts.", SCAN_DATE_OF_BIRTH, "2016");
	EXPECT("Mijn oma ('29) wil niet meer naar de dagbesteding.", SCAN_DATE_OF_BIRTH, "'29");
	EXPECT("Hoi allemaal, Sanne hier ('95). Ik heb sinds kort een burn-out.", SCAN_DATE_OF_BIRTH, "'95");
	EXPECT("hoi ik ben jaylinn, 15 en ik slaap al weken slecht.", SCAN_DATE_OF_BIRTH, "15");
	EXPECT("hoi ik ben jaylinn, 15 en ik slaap al weken slecht.", SCAN_NAME, "jaylinn");
	EXPECT("Vorige week werd Fenna 9! Ze mocht eindelijk weer naar school.", SCAN_DATE_OF_BIRTH, "9");
	EXPECT("Mijn tante Joke (geboren 12-4-'38) heeft een nieuwe heup.", SCAN_DATE_OF_BIRTH, "12-4-'38");
	EXPECT("Nieuwe aanmelding: Karel de Vries, BSN 111222333, 02-03-1944. Hulp bij douchen.", SCAN_DATE_OF_BIRTH,
	       "02-03-1944");
	EXPECT("Bel even de zus van cliënt KR-55120 terug over de nieuwe medicatie.", SCAN_PATIENT_NUMBER, "KR-55120");
	EXPECT("Overdracht mw. Smit (WZ-0042817): wond aan de hiel ziet er rustig uit.", SCAN_PATIENT_NUMBER,
	       "WZ-0042817");
	EXPECT("Onze fysio Anouk is vorige week geopereerd aan haar knie, ze is een maand weg.", SCAN_HEALTH,
	       "geopereerd");
	/* after batches 50 to 52 */
	EXPECT("Overdracht: mw. Jonker k. 214 had vannacht pijn op de borst.", SCAN_ROOM, "k. 214");
	EXPECT("Priscilla k07 sat 91%, zuurstof erbij.", SCAN_ROOM, "k07");
	EXPECT("We zoeken een gastgezin voor Nadifa (12) uit Somalië.", SCAN_DATE_OF_BIRTH, "12");
	EXPECT("Gerda van de nachtdienst ligt in het ziekenhuis met een hernia.", SCAN_HEALTH,
	       "ligt in het ziekenhuis");
	EXPECT("Morgen word ik 65 en dat vieren we.", SCAN_DATE_OF_BIRTH, "65");
	EXPECT("Onze vrijwilliger Truus wordt op 3 mei 80!", SCAN_DATE_OF_BIRTH, "80");
	EXPECT("Mevr. Yilmaz (patnr 2231-5580) moet nuchter blijven.", SCAN_PATIENT_NUMBER, "2231-5580");
	EXPECT("Sanne (nr 30118842) gaat morgen naar de poli.", SCAN_PATIENT_NUMBER, "30118842");
	EXPECT_NONE("Afscheid van Jan-Peter Mulder, 25 jaar onze conciërge, die met pensioen gaat.",
	            SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("De k. 5 vergadering begint om tien uur.", SCAN_ROOM);
	EXPECT_NONE("Volgens NEN-7510 moet ieder dossier beveiligd zijn.", SCAN_PATIENT_NUMBER);
	EXPECT("Onze gastvrouw Carla is na een kort ziekbed overleden. Ze is maar 61 geworden.", SCAN_DATE_OF_BIRTH,
	       "61 geworden");
	EXPECT_NONE("Het gebouw is 10 jaar geworden.", SCAN_DATE_OF_BIRTH);
	/* "je" in a reply is someone's; a staff member's operation is theirs */
	VERDICT(assert_int_not_equal, "@joke_62 hoe gaat het met je vader na de dotter? Doe hem de groeten", SCAN_OK);
	VERDICT(assert_int_not_equal, "Juf Anna van groep 3 heeft een hartoperatie gehad en de kinderen maakten een kaart.",
	        SCAN_OK);
	VERDICT(assert_int_not_equal, "Ik ben verslaafd aan oxycodon en wil stoppen.", SCAN_OK);
	/* a private address or a mobile number is no staff news */
	VERDICT(assert_int_not_equal, "Kees is bereikbaar via kees.debruin@gmail.com, hij woont nu alleen.", SCAN_OK);
	/* a colleague's illness is (labelling rule 6) */
	VERDICT(assert_int_not_equal, "Teamnieuws: Gerda is geopereerd aan haar knie en is een maand afwezig.", SCAN_OK);
	EXPECT_NONE("Onze fysio Anouk heeft de cursus valpreventie gegeven.", SCAN_HEALTH);
	const char *ok[] = {
		"Boerderijhond Tommie is vandaag jarig, hij wordt zeven!",
		"De geitjes Bonnie en Clyde staan weer buiten. Bonnie is inmiddels 12 en nog steeds de baas.",
		"Ons lammetje Sofie is geboren op 4 april en drinkt al flink uit de fles.",
		"Onze nieuwe mantelzorg-app heet Lotte. Lotte helpt je straks ook met je medicijnschema.",
		"De chatbot op de website heet Doortje. Doortje weet nog niet alles.",
		"Maak kennis met Bikkel, de therapiehond van de woongroep.",
		"Door storm Henk rijden de busjes vandaag later.",
		"De ficus op kantoor heet nu 'Dokter Bob' en krijgt elke maandag water.",
		"Hallo! Ik ben Ilse, de nieuwe verpleegkundige diabetes in de wijk.",
		/* after batches 53 to 55 */
		"Teamnieuws: Femke Jansen heeft haar diploma verpleegkunde gehaald! Gefeliciteerd Femke.",
		"Ruud is deze week met vakantie, zijn telefoon staat doorgeschakeld.",
		"Bij de zorgboerderij wonen drie geiten (Bep, Toos en Riek) en een pony.",
		"Nieuw bij ons: pony Sjaan! Ze is 19 en dol op wortels.",
		"We hebben een nieuwe robotkat. De bewoners hebben hem meteen Karel gedoopt.",
		"Ik kreeg bijna een hartaanval bij die laatste penalty.",
		/* after batches 56 to 58 */
		"Na zo'n week ben ik zelf rijp voor de IC, fijn weekend allemaal!",
		"Mijn telefoon ligt op sterven, wie heeft een lader?",
		"Geen koffie meer op de gang, ik ben er ziek van.",
		"Welkom terug, Mirjam! Ze werkt weer bij ons op de afdeling Revalidatie.",
		"Felicitaties voor Joost Bakker, die vandaag zijn masterdiploma kreeg.",
		/* after batches 59 to 61 */
		"Tip van de verloskundige: leg je baby bij onrust eerst huid-op-huid.",
		"Ouders van kinderen met een beperking zorgen gemiddeld 40 uur per week.",
		"Ik ben echt verslaafd aan die nieuwe serie, alles in één weekend gezien.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
}

/* Wave 20 (after batches 62 to 64): a reply that only speaks to its
 * addressee, a minister by title, a club's mailbox at a personal domain and
 * a number the post calls a work number are no client data; the same shapes
 * with a person's private data still are. */
static void test_wave20_classes(void **state)
{
	(void)state;
	const char *ok[] = {
		"↪ @Ingrid_IG haha ja, zo ging het bij ons ook!",
		"↪ @Mirjam_wijkteam Wat fijn om te horen, dank je wel!",
		"↪ @Karin Dank je wel, fijn weekend!",
		"ds. Gerrit Boonstra houdt zondag de kerstpreek in de Dorpskerk.",
		"De viering wordt geleid door Ds. Van den Akker, koffie na afloop.",
		"Pastor Anja Mertens bezoekt op woensdag de huiskamers.",
		"Opgeven voor de fietstocht kan via zonnebloem.wierden@gmail.com.",
		"Meer weten? Mail kbo.haaksbergen@hotmail.com of kom langs.",
		"Bel onze wijkcoach Ilse Brands op 06-41 27 93 58 (werknummer), maandag tot en met donderdag.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
	VERDICT(assert_int_equal, "Ds. Boonstra komt morgen langs.", SCAN_OK);
	/* what the reply says of someone's health, a person's own mailbox, a
	 * private number and a minister's illness still count */
	VERDICT(assert_int_not_equal, "↪ @Mirjam_wijkteam is je moeder al thuis na de heupoperatie?", SCAN_OK);
	VERDICT(assert_int_not_equal, "Mail gerust naar jan.kerkhof@gmail.com, dat is mijn eigen adres.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Mijn zus is bereikbaar op 06-41 27 93 58, ze woont alleen.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Ds. Boonstra ligt sinds zijn hartinfarct in het ziekenhuis.", SCAN_OK);
	/* round 2, after batches 65 to 67: thanks to people named, venues and
	 * wards named after people, a figure of speech; a colleague's health
	 * after an apposition, conditions the lexicon lacks */
	const char *ok2[] = {
		"Tige tank oan Sieds Hoekstra en Geartsje de Jong foar de krystferljochting!",
		"Open repetitie van harmonie Sint-Caecilia op vrijdag, iedereen welkom.",
		"Voor de bewoners van de Vincent van Goghafdeling organiseren we vrijdag een schilderworkshop.",
		"De kerstmarkt is dit jaar in de Anne Frankzaal op de eerste verdieping.",
		"Daar krijg ik nou hoofdpijn van: alweer een nieuw formulier van 12 pagina's.",
		"Migraine komt vaker voor bij vrouwen dan bij mannen.",
	};
	for (size_t i = 0; i < sizeof ok2 / sizeof ok2[0]; i++)
		VERDICT(assert_int_equal, ok2[i], SCAN_OK);
	EXPECT("Kees, onze chauffeur van dinsdag, is opgenomen met longontsteking.", SCAN_HEALTH, "longontsteking");
	EXPECT("ivm mn PDS sla ik de lunch over vandaag.", SCAN_HEALTH, "PDS");
	EXPECT("Ik heb covid.", SCAN_HEALTH, "covid");
	EXPECT("Sinds vorige week heeft mijn man ischias.", SCAN_HEALTH, "ischias");
	VERDICT(assert_int_not_equal, "Dank aan Wim voor het rijden van mijn moeder naar de dialyse.", SCAN_OK);
	/* round 3, after batches 68 to 70: people named by the work they do, an
	 * organisation's head word, a title and a place, machines and "ziek"
	 * before an adjective; what is someone's still counts */
	const char *ok3[] = {
		"Kledingbank in kerkelijk centrum De Schakel, elke dinsdag open. Vragen: diaken Henk Scholten, 0525 61 22 40.",
		"De koster Wim Brouwer vertelt je er graag meer over: 0548 51 66 03.",
		"Een MS Vereniging in de regio organiseert een lotgenotendag.",
		"De vermiste mevrouw uit Stadskanaal is gevonden en maakt het goed.",
		"Mijn laptop heeft een hartaanval gehad, alles kwijt.",
		"Mijn zoon vond de film 'ziek eng' en sliep bij ons.",
		"Wij zijn verslaafd aan de nieuwe espressomachine op kantoor.",
	};
	for (size_t i = 0; i < sizeof ok3 / sizeof ok3[0]; i++)
		VERDICT(assert_int_equal, ok3[i], SCAN_OK);
	VERDICT(assert_int_not_equal, "Diaken Henk Scholten ligt met een hernia in het ziekenhuis.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Mijn laptop is stuk en ik heb zelf ook griep.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Mevrouw Jansen uit Winschoten is gevallen.", SCAN_OK);
}

/* Wave 21, from batches 71 to 73: whom an organisation's post says to call
 * or where to apply, a post with no one in it at all, a memorial for the
 * residents who died, animals named after a colon. */
static void test_wave21_classes(void **state)
{
	(void)state;
	const char *ok[] = {
		"Thuiszorg Het Baken zoekt invalkrachten voor de weekenden. Bel Mirjam op 06-21 43 65 87.",
		"New volunteers welcome! Sign up with Petra de Lange at the front desk.",
		"Vervoer nodig? App de centrale op 06-12 34 98 76, werkdagen van 9 tot 12.",
		"Herdenkingsdienst zondag in de kapel voor de bewoners die dit jaar zijn overleden. Koffie na afloop.",
		"Op de zorgboerderij wonen sinds kort drie alpaca's: Guus, Fien en Bram.",
		"Epilepsie en autorijden: na een jaar zonder aanvallen mag je vaak weer rijden.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
	/* a number or mailbox spelled out, a private person, a possessive
	 * family word, a pronoun, a list after an app's name still count */
	const char *warn[] = {
		"Bel Ans even op nul zes een twee drie vier vijf zes zeven acht.",
		"Mijn broer zoekt werk. Bel Jan op 06-21 43 65 87.",
		"Pa's longfoto was niet goed, de longarts ziet een vlek.",
		"Hij heeft een longontsteking, bel zijn dochter op 06-21 43 65 87.",
		"Buddy-app: Farid (23) is vandaag gestart met zijn medicatie.",
	};
	for (size_t i = 0; i < sizeof warn / sizeof warn[0]; i++)
		VERDICT(assert_int_not_equal, warn[i], SCAN_OK);
}

/* Wave 22: towns, regions and districts are no people (places.txt); a
 * club or firm named after its kind ("Voetbalvereniging Ruurlo", also as a
 * compound's head); a works council's or a pool's mailbox at the
 * organisation's own domain.  A person with the same word, by title, first
 * name or family word, still counts. */
static void test_wave22_classes(void **state)
{
	(void)state;
	const char *ok[] = {
		"Hengelo, Delden, Goor: overal worden deze maand de dorpsommetjes voor ouderen georganiseerd.",
		"Het Friese dorp Feanwâlden viert het 25-jarig bestaan van het gezondheidscentrum met een open dag.",
		"We wonen net over de grens bij Dinxperlo en zoeken een thuiszorgorganisatie die Duits spreekt.",
		"Voetbalvereniging Ruurlo houdt zaterdag een sponsorloop voor de hospice. Loop je mee?",
		"Loonbedrijf Hofman in Oudega doet dit jaar de sneeuwruimdienst bij alle zorgcentra.",
		"Bericht van de OR: de nieuwe regeling gaat per 1 februari in. Vragen kunnen naar or@ggzrivierenland.nl.",
		"Voor de feestdagen: mail flexpool@ziekenhuisnoord.nl, dubbele toeslag.",
		/* round 2: figures of speech, public figures and their families */
		"Ik kreeg bijna een beroerte toen ik de factuur van de eigen bijdrage zag.",
		"Ik ben allergisch voor vergaderingen die een mail hadden kunnen zijn.",
		"Ik heb vandaag een virus op mijn werklaptop, ICT zegt dat ik hem morgen terugkrijg.",
		"als je zegt \"ik ben zo depressief\" omdat je abbo verlopen is",
		"die docent heeft mn hele weekend gesloopt, ik ben mentaal overleden",
		"Het bekende tv-gezicht Jan-Willem Hoogstraten vertelde in een talkshow over zijn depressie.",
		"Zangeres Ellen Blom annuleert haar concerten. Bij haar werd borstkanker ontdekt. Ze vraagt om rust voor "
		"haar en haar familie.",
		"Met pijn in mijn hart nemen we afscheid van onze voorzitter.",
		/* round 3: greetings in other languages, a compliment passed on */
		"Wesołych Świąt! De Poolse winkel heeft suikervrije makowiec.",
		"Kurban Bayramınız kutlu olsun! Ons kantoor is maandag gesloten.",
		"Bedankt voor uw review! We geven het compliment graag door aan Ruud en Samira.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
	const char *warn[] = {
		"Mevrouw van Delden is gevallen en heeft haar heup gebroken.",
		"Oma Beilen heeft weer last van haar hart.",
		"Mail mijn moeder even op an@hotmail.com.",
		"Dhr. Hoogeveen uit Beilen ligt in het ziekenhuis.",
		"Mijn zoon is allergisch voor pinda's.",
		"Mijn vader kreeg vannacht een hartaanval.",
		"Burgemeester Jansen vertelde dat zijn moeder kanker heeft.",
		/* the writer's own body, with "mijn" */
		"Ik sta drie weken op de wachtlijst. Ik heb elke dag last van mijn rug.",
		"Mijn rug zit weer eens op slot na een week tillen op de somatiek.",
		"Mijn buurvrouw Ayşe Çelik is gevallen.",
		"Mijn compliment aan Joke, zij heeft mijn moeder zo goed verzorgd na haar val.",
	};
	for (size_t i = 0; i < sizeof warn / sizeof warn[0]; i++)
		VERDICT(assert_int_not_equal, warn[i], SCAN_OK);
}

/* Wave 23 (batches 92 to 96): health told in a verb-final clause or as a
 * situation; staff thanked by their title, a staff member's number to call
 * in their role, a home named "De" and a first name.  Each case was seen
 * with the other verdict on the scanner before the wave. */
static void test_wave23_classes(void **state)
{
	(void)state;
	const char *warn[] = {
		"Ik kom vrijdag niet naar de repetitie omdat ik die ochtend naar de dialyse moet.",
		"Sinds ik die longontsteking had kom ik de trap bijna niet meer op.",
		"Nu mijn vader niet meer zelf kan douchen, komt de thuiszorg elke ochtend.",
		"Ik hoor weer stemmen en durf het niemand te vertellen.",
		"We waken om beurten bij onze vader in het hospice.",
		"Wie ruilt dinsdag met mij? Ik heb een afspraak bij de cardioloog.",
		"Ik ga donderdag met verlof, over vier weken ben ik uitgerekend.",
		"Mijn buurvrouw durft na haar val niet meer naar buiten.",
		"Ik merk dat ik steeds meer moeite heb met slikken.",
		"Onze buurman is vannacht met de ambulance weggebracht.",
		"Vorige week is mijn oom met spoed naar het ziekenhuis gebracht.",
		"Wie neemt mijn dienst over? Ik moet naar de longarts voor een scan.",
		"Ik heb al weken last van mijn achillespees na het hardlopen.",
		"Ik ben in behandeling bij de GGZ en dat gaat goed.",
		/* round 2: "hij" after a sentence with the person, the hospital */
		"Opa zat vandaag in de tuin. Hij herkende me niet meer.",
		"Ik moet zelf naar het ziekenhuis voor een onderzoek.",
		/* round 3 */
		"Ik heb sinds dit jaar slaapapneu.",
		"ik kwam vanochtend mijn bed niet uit van de paniek.",
		"Ik heb de hele maand november in het ziekenhuis gelegen.",
		/* batch 100 */
		"Op de eerste dag van mijn nieuwe baan meteen door mijn enkel gegaan op een gladde stoep.",
		"Vandaag precies 1 jaar stomadrager, in het begin durfde ik niet naar de supermarkt.",
		/* and what the round-3 demotions leave */
		"Mijn IBAN is NL47KNAB1077609695 t.n.v. J. de Vries.",
		"Ik heb met Frans gebeld, hij heeft griep.",
	};
	for (size_t i = 0; i < sizeof warn / sizeof warn[0]; i++)
		VERDICT(assert_int_not_equal, warn[i], SCAN_OK);
	const char *ok[] = {
		"Complimenten voor zuster Ans en broeder Kees van afdeling Zonnedauw!",
		"Vervelend om te horen. U kunt bellen met de teamleider, Esther de Lange, via 06-18 27 36 45.",
		"Op De Kim is zaterdag een kerstmarkt voor bewoners en buren.",
		"De zorgrobot staat nu in de huiskamer van De Kim.",
		"Storm Bert heeft het hek van de dagbesteding omgeblazen.",
		"die eerste 2 uur Frans zijn echt een straf",
		"Frans en Duits vind ik de moeilijkste vakken.",
		"IBAN voor de kerstpot: NL47KNAB1077609695 t.n.v. Personeelsvereniging De Wending.",
		/* and what the new patterns leave alone */
		"Mag je als familie zelf eten meebrengen naar het verpleeghuis?",
		"Een mevrouw vroeg of haar hond Karel in het hospice mag logeren.",
		"Haha, mijn collega's vinden dat ik ziek ben in mijn hoofd.",
		"Wat fijn dat ik sinds maart op de chemo werk.",
		"Mijn zoon komt op zondag zijn bed niet uit.",
		"We zoeken met spoed een vrijwilliger voor de koffieochtend.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
	/* the writer's mother stays hers: a number to call her on is private */
	VERDICT(assert_int_not_equal, "Bel mijn moeder Ans, 06 12 34 56 78.", SCAN_OK);
}

/* Wave 24 (batches 101-103, unseen texts): a colleague's health after
 * where they work; ages in introductions, news and lists; a BSN in any
 * grouping after its label; and what is no one's health or number. */
/* Wave 25 (batch 107): a stranger's health, the people of a story, staff
 * in compound roles, ages after "hier", "ik ben 18 dus", "mijn dochter van
 * 11 over"; thoughts of ending one's life and self-harm.  Each new reading
 * was seen the other way on wave 24's scanner; the cases of what stays
 * guard the rules' limits. */
static void test_wave25_classes(void **state)
{
	(void)state;
	const char *ok[] = {
		/* after batch 111: the stranger's family, not the writer's; a
		 * volunteer telling */
		"Een vrijwilliger vertelde mij dat ze bij iemand thuis had gewaakt die ze nog nooit had gezien. De man"
		" overleed om vijf uur 's ochtends terwijl zij zijn hand vasthield.",
		"Een cliënt van me vroeg vandaag of ik zijn vrouw was. Dementie kan soms ook vertederend zijn.",
		"Een kennis vertelde dat haar buurman met dementie in het logeerhuis was en daar opbloeide.",
		"Een vrouw in de wachtkamer kreeg een epileptische aanval en iedereen keek weg. Ik heb haar hoofd "
		"opgevangen tot ze weer bijkwam.",
		"Een klant aan de kassa vertelde dat hij net gestopt is met chemo. Wat een doorzetter.",
		"een jongen uit mijn team is vorige maand opgenomen en nu praat iedereen erover.",
		"Een jongen in de trein kreeg een astma-aanval en niemand deed iets.",
		"In de serie 'Thuis' raakt de 15-jarige hoofdpersoon Sem verslaafd aan gamen.",
		"In 'Stille storm', de nieuwe roman van Eva Dekker, zoekt de veertienjarige Lotte haar moeder die na "
		"een depressie is vertrokken.",
		"Het boekje 'Papa heeft een zieke dag' helpt kinderen begrijpen wat een depressie is.",
		/* round 2: a teacher, a councillor's own story, whether a condition
		 * exists, a professional's signature, a team that takes someone in */
		"wie heeft het huiswerk van wiskunde? mr Bakker legde het zo slecht uit vandaag.",
		"Gemeenteraadslid Karim Aziz vertelde openlijk over zijn burn-out van vorig jaar.",
		"Mijn buurman zegt dat burn-out niet bestaat en dat je gewoon door moet werken. Wat vinden jullie?",
		"Als wijkverpleegkundige krijg ik vaak de vraag wat de Wmo vergoedt. Bel gerust op dinsdag. — Femke",
		"Vorige week ben ik opgenomen in het team van de avondploeg, wat een warm welkom!",
		/* round 3 (batch 108): "mij" an object beside a stranger, an
		 * organisation's contact people, webcare initials */
		"Een mevrouw in de wachtkamer tegenover mij had duidelijk veel pijn, ze huilde zachtjes.",
		"Meer weten over het logeerweekend? Bel onze zorgbemiddelaar Marloes, 088-123 45 67 (ma t/m do).",
		"Zwemuur voor iedereen in zwembad De Vijf Heuvels. Vragen? Gerda, 06-21 43 65 87.",
		"Dank voor je bericht, we zoeken het voor je uit en bellen je morgen. ^KM",
		/* round 5: those who lead for an organisation */
		"Op vrijdag bakken de bewoners zelf pannenkoeken onder begeleiding van Mo en Fenna.",
		"Het koor zingt kerstliederen onder leiding van Jan Pieters.",
		"De lotgenotengroep wordt begeleid door Sanne en Wendy van het CJG.",
		"Stuur je cv en motivatiebrief naar werken@dezorg.nl t.a.v. Jasmijn Hoekstra.",
		/* round 7 (batch 110): a date between the ask and the name, a moderator's
		 * signature, an activities mailbox */
		"Personeelsuitje afdeling Hoogstraat: vrijdag 9 januari bowlen in Ede. Opgeven vóór 20 december bij Marloes.",
		"Moderator: we hebben het overlijden van een groepslid gedeeld. Stuur mij gerust een bericht. — Wilma",
		"Kerstmarkt op 19 december, voor bewoners van alle locaties. Aanmelden via aktiviteiten@zorggroep.frl.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
	/* what stays: the writer, the family, an age, a name beside the stranger */
	const char *warn[] = {
		"Ik ben een vrouw met MS en ik zoek een maatje om mee te zwemmen.",
		"Onze dochter Fleur speelt de hoofdpersoon in de musical en heeft sinds vorige week epilepsie.",
		"Een man in de bus vroeg naar mijn depressie.",
		/* after batch 111: a stranger's age further on keeps it; one sought
		 * is no stranger */
		"Ik zoek een vrijwilliger die Pools spreekt voor mijn dziadek Józef (87) in verpleeghuis De Kroonhorst."
		" Door de dementie is hij al zijn Nederlands kwijt en hij voelt zich heel eenzaam.",
		"Vraag: een meisje uit mijn groep in het buurthuis, 13 jaar, eet nauwelijks en is erg afgevallen.",
		"Ik werk op de spoedeisende hulp. Gisteravond kwam er een man binnen, 67, met onderkoeling na een val in"
		" zijn tuin in de sneeuw. Zijn vrouw had hem pas na 4 uur gevonden.",
		"Mijn vriendin zegt steeds dat ze er niet meer wil zijn. Wat moet ik doen?",
		"soms beschadig ik mezelf als het te veel wordt.",
		"Sinds ik in De Hoeve ben opgenomen slaap ik eindelijk weer.",
		"Ik werk als begeleider en ben zelf dyslectisch, rapporteren kost me veel tijd.",
		"Toen ik in het ziekenhuis lag, paste mijn zus op de hond.",
		"De begeleiding van Yusuf belde: zijn epilepsiemedicatie is kwijt.",
		"Mijn moeder wordt begeleid door Anja, zij heeft dementie.",
	};
	for (size_t i = 0; i < sizeof warn / sizeof warn[0]; i++)
		VERDICT(assert_int_not_equal, warn[i], SCAN_OK);
	EXPECT("Een man van 58 belde vanochtend in paniek omdat zijn medicijnen op waren.", SCAN_DATE_OF_BIRTH, "58");
	EXPECT("Kim hier, 41, sinds kort in de ziektewet.", SCAN_DATE_OF_BIRTH, "41");
	EXPECT("Yara hier, 23, net terug van de huisarts.", SCAN_DATE_OF_BIRTH, "23");
	EXPECT("tbh ik ben 16 dus ik mag zelf naar de huisarts toch?", SCAN_DATE_OF_BIRTH, "16");
	EXPECT("Nu begint mijn zoon van 9 ook over buikpijn te klagen.", SCAN_DATE_OF_BIRTH, "9");
	EXPECT_NONE("Onze vertrouwenspersoon is er op maandag, bel 06-12345678. Wij zijn er al 12 jaar dus kom gerust.",
	            SCAN_DATE_OF_BIRTH);
	/* round 4 (batch 108): how old someone was when, an ordinal after
	 * "sinds haar", a spelled-out age or an age with "en" after a name */
	EXPECT("Hij kwam bij ons wonen toen hij 3 was.", SCAN_DATE_OF_BIRTH, "3");
	EXPECT("Ik was 16 toen ik mijn eerste paniekaanval kreeg.", SCAN_DATE_OF_BIRTH, "16");
	EXPECT("Onze zoon woont sinds zijn 19e op een woongroep.", SCAN_DATE_OF_BIRTH, "19e");
	EXPECT("Mijn zus Ineke Bos, zestig, woont sinds kort in Zwolle.", SCAN_DATE_OF_BIRTH, "zestig");
	EXPECT("In ons team speelt Rachid, 37 en al tien jaar aanvoerder.", SCAN_DATE_OF_BIRTH, "37");
	EXPECT("ik heb dyslexie. ik ben 12 trouwens", SCAN_DATE_OF_BIRTH, "12");
	EXPECT_NONE("Het was 12 uur toen we begonnen.", SCAN_DATE_OF_BIRTH);
	/* round 6 (batch 109): a signature with an age, a birth year "(van
	 * 1956)", "ik ben astmapatiënt", an English sign-off */
	EXPECT("Wie weet raad met deze kou? — Eugenie (65)", SCAN_DATE_OF_BIRTH, "65");
	EXPECT("hoi allen, ria v.d. broek hier (van 1956). Mijn knieën willen niet meer.", SCAN_DATE_OF_BIRTH,
	       "van 1956");
	EXPECT("Ik ben astmapatiënt dus ik krijg de griepprik elk jaar.", SCAN_HEALTH, "astmapatiënt");
	EXPECT_NONE("De Wet zorg en dwang (van 2020) regelt dat.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Tot je 18e zit je op de zorgverzekering van je ouders.", SCAN_DATE_OF_BIRTH);
	EXPECT("Gefeliciteerd met je 80e, oma!", SCAN_DATE_OF_BIRTH, "80e");
	/* round 7 (batches 110, 111): a lower-case name after a family word, an
	 * honorific before lower-case words, "van ongeveer 40", "(bijna 13!!)",
	 * "ik ben dani 15 uit", "een man geweest die 100 werd" */
	EXPECT("mn broertje rayan (8) heeft sinds vanochtend koorts.", SCAN_DATE_OF_BIRTH, "8");
	EXPECT("mevr de wit ('46) raakt steeds vaker haar woorden kwijt.", SCAN_DATE_OF_BIRTH, "'46");
	EXPECT("Gisteravond kwam een man van ongeveer 40 binnen met een messteek.", SCAN_DATE_OF_BIRTH, "40");
	EXPECT("hoi, ik ben lisa (bijna 13!!) en ik woon in een gezinshuis.", SCAN_DATE_OF_BIRTH, "13");
	EXPECT("yo ik ben dani 15 uit almere en ik heb paniekaanvallen.", SCAN_DATE_OF_BIRTH, "15");
	EXPECT("Gisteren bij een man geweest die 100 werd op de dag dat hij stierf.", SCAN_DATE_OF_BIRTH, "100 werd");
	EXPECT_NONE("Een taart van aardbei (3) voor de jarige.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Jongeren en roken: de meeste rokers beginnen voor hun 18e.", SCAN_DATE_OF_BIRTH);
	VERDICT(assert_int_equal, "Hi! Holiday opening hours: closed on 25 and 26 December. Best, Linda", SCAN_OK);
}

static void test_wave24_classes(void **state)
{
	(void)state;
	const char *warn[] = {
		"Koen van de nachtdienst is vorige week aan zijn knie geopereerd en komt pas in mei terug.",
		"Onze collega Joost van de SEH is zelf ernstig ziek geworden.",
		"Mijn kamergenote is vanochtend met de ambulance opgehaald. Ze heet Noor.",
	};
	for (size_t i = 0; i < sizeof warn / sizeof warn[0]; i++)
		VERDICT(assert_int_not_equal, warn[i], SCAN_OK);
	EXPECT("Mijn oom is met de ambulance naar het ziekenhuis gebracht. Hij heet Wim.", SCAN_NAME, "Wim");
	EXPECT("Ik ben Sanne, 34. Sinds de zomer heb ik migraine.", SCAN_DATE_OF_BIRTH, "34");
	EXPECT("Hoi, Gerrit hier, 71. Wie gaat er mee naar de markt?", SCAN_DATE_OF_BIRTH, "71");
	EXPECT("Dhr. Wolters, ° 1941, dag 3 na de operatie.", SCAN_DATE_OF_BIRTH, "1941");
	EXPECT("Een jongen van 9 wilde niet zonder zijn knuffel naar de OK.", SCAN_DATE_OF_BIRTH, "9");
	EXPECT("Wie heeft Anna de Wit gezien? 83 jaar, rode jas, loopt met een rollator.", SCAN_DATE_OF_BIRTH,
	       "83 jaar");
	EXPECT("De 19-jarige fietser is met spoed naar het ziekenhuis gebracht.", SCAN_DATE_OF_BIRTH, "19-jarige");
	EXPECT("Kan ik dit sturen? Mijn BSN is 111 22 23 33.", SCAN_BSN, "111 22 23 33");
	const char *ok[] = {
		"Mijn broer betaalt zich blauw aan de huur, wie weet een goedkoper huis?",
		"Dag 4 van mijn stage op de IC en ik ben nu al gesloopt.",
		"Het EPD is zondag van 02.00 tot 05.00 uur niet bereikbaar.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		VERDICT(assert_int_equal, ok[i], SCAN_OK);
	VERDICT(assert_int_equal, "Anouk vertelt over haar werk op de dwarslaesie-afdeling.", SCAN_WARN);
	/* what the new readings leave: a number without its label, a stay on the
	 * ward, a thing that is named */
	EXPECT_NONE("Bestelnummer 111 22 23 33 is verzonden.", SCAN_BSN);
	VERDICT(assert_int_not_equal, "Mijn vader ligt op de IC.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Mijn vader ligt op de dwarslaesie-afdeling.", SCAN_OK);
	EXPECT_NONE("Onze nieuwe tillift is binnen. Hij heet Bertha.", SCAN_NAME);
	EXPECT("Wij zoeken iemand met zoveel geduld. Mijn zus heeft zoveel pijn.", SCAN_HEALTH, "pijn");
	/* round 2: staff in their role — a list after a plural role, the
	 * organisation after the names, the writer's work introduction — and an
	 * organisation's mailbox */
	const char *staff[] = {
		"Onze wijkcoaches Fenna Bos en Karim Amrani zijn er elke dinsdag.",
		"Welkom aan onze nieuwe SEH-verpleegkundigen in opleiding Lieke Smit en Omar Haddad!",
		"Elke vrijdag wandelen met Petra en Youssef van Welzijn Noord.",
		"Dit jaar ben ik jullie buurtcoach. Ik ben Marloes Visser, bereikbaar via 0513 44 55 66.",
		"Of mail diaconie@gkdeweide.nl.",
	};
	for (size_t i = 0; i < sizeof staff / sizeof staff[0]; i++)
		VERDICT(assert_int_equal, staff[i], SCAN_OK);
	/* and what stays a private person */
	VERDICT(assert_int_not_equal, "Mijn moeder Fenna Bos en Karim Amrani zijn er elke dinsdag.", SCAN_OK);
	VERDICT(assert_int_equal, "Ik ben Marloes Visser en ik heb net gehoord dat ik MS heb.", SCAN_BLOCK);
	/* round 3 (batch 104): an anonymised case is no one's; an age before
	 * "die" or "in"; a role after the comma; a device of the writer's own */
	VERDICT(assert_int_equal,
	        "Voor het MDO breng ik een casus in: cliënt met gevorderde Parkinson die steeds valt. Wie heeft tips?",
	        SCAN_OK);
	VERDICT(assert_int_not_equal, "Voor het MDO breng ik een casus in over mijn moeder met Parkinson.", SCAN_OK);
	VERDICT(assert_int_equal, "Voor de casus: mevrouw De Jong (82) met Parkinson.", SCAN_BLOCK);
	EXPECT("Een vrouw van 58 die ik thuis bezoek heeft steeds vaker angstaanvallen.", SCAN_DATE_OF_BIRTH, "58");
	EXPECT_NONE("Een moeder van 3 die ik ken.", SCAN_DATE_OF_BIRTH);
	VERDICT(assert_int_equal, "De groep wordt begeleid door Ellen Kok, rouwbegeleider. Aanmelden: 0575 51 23 40.",
	        SCAN_OK);
	VERDICT(assert_int_not_equal, "Morgen krijg ik mijn ruggenmergstimulator, spannend!", SCAN_OK);
	/* round 4 (batch 105): a percentage, how long, praise passed on, the one
	 * to ask, a supply */
	EXPECT_NONE("Wie kent de richtlijn? In de NHG-standaard staat 90-94% voor de saturatie.", SCAN_PATIENT_NUMBER);
	EXPECT_NONE("Onze vrijwilliger Gerrit is al 30 jaar de vaste voorlezer van de Linde!", SCAN_DATE_OF_BIRTH);
	EXPECT("Mijn moeder is al 90 jaar en nog kwiek.", SCAN_DATE_OF_BIRTH, "90 jaar");
	VERDICT(assert_int_equal, "Webcare: bedankt voor uw lovende woorden over Femke! We geven het door.", SCAN_OK);
	VERDICT(assert_int_equal, "Nieuw in het ECD: de valscore ook noteren. Vraag Maaike bij vragen.", SCAN_OK);
	VERDICT(assert_int_equal, "Overdracht: de voorraad incontinentiemateriaal is bijna op.", SCAN_OK);
	VERDICT(assert_int_not_equal, "De bestelling incontinentiemateriaal voor mijn moeder is binnen.", SCAN_OK);
	/* round 5 (batch 106): the elderly writer's own age, a life's span, a
	 * reader's ordinal */
	EXPECT("Ik ben zelf 84 en woon nog thuis.", SCAN_DATE_OF_BIRTH, "84");
	EXPECT("ik ben 81 joar en heb suiker.", SCAN_DATE_OF_BIRTH, "81 joar");
	EXPECT("Ik ben Riet en al 93 jaar.", SCAN_DATE_OF_BIRTH, "93 jaar");
	EXPECT("In memoriam Kees (1938-2026), onze trouwe vrijwilliger.", SCAN_DATE_OF_BIRTH, "1938");
	EXPECT_NONE("Fietsen na je 70e? Het kan!", SCAN_DATE_OF_BIRTH);
	EXPECT("Gefeliciteerd met je 80e, oma!", SCAN_DATE_OF_BIRTH, "80e");
}

/* Wave 11: a title with initials only is a name; the maker after a quoted
 * title is its author or actor, and the story's illness no one's; the verb
 * between a person and the health is not the health. */
static void test_wave11_initials_titles(void **state)
{
	(void)state;
	EXPECT("mevrouw R. is suïcidaal en heeft vannacht één-op-één nodig.", SCAN_NAME, "mevrouw R");
	EXPECT("Mw. v.d. B. is in de nacht gevallen.", SCAN_NAME, "Mw. v.d. B");
	EXPECT("Dhr. K. heeft koorts.", SCAN_HEALTH, "koorts");
	EXPECT_NONE("Geachte mevrouw, meneer,", SCAN_NAME);
	EXPECT("Hospice: mevrouw Ellens op kamer Zonnebloem drinkt niet meer.", SCAN_ROOM, "kamer Zonnebloem");
	EXPECT_NONE("Op kamer Noord is de vergadering.", SCAN_ROOM);
	struct scan_result r = run("Dhr. K. heeft koorts.", NULL);
	for (size_t i = 0; i < r.n; i++)
		assert_false(r.v[i].type == SCAN_HEALTH && r.v[i].start == 8); /* "heeft" */
	scan_result_release(&r);
	VERDICT(assert_int_equal, "Boekentip: \"Ik zie je morgen\" van Margriet de Moor, over een vrouw met dementie.",
	        SCAN_OK);
	VERDICT(assert_int_equal, "Filmmiddag: \"The Father\" met Anthony Hopkins, over een man met dementie.", SCAN_OK);
	VERDICT(assert_int_equal, "Boekentip: \"Ik zie je morgen\". Mijn moeder Anna heeft ook dementie.", SCAN_BLOCK);
}

/* Wave 11, batch 19's misses as classes: a lower-case name with a
 * preposition before it or a person's word after it; ages after an
 * initial, first in brackets, a birth year between commas after a name,
 * ages in words in brackets or after "van"; rooms named by chair, suite
 * and unit; more patient-number labels, three digits after letters. */
static void test_wave11_batch19(void **state)
{
	(void)state;
	EXPECT("omg ik maak me echt zorgen om lotte ze eet gwn niks meer op school", SCAN_NAME, "lotte");
	EXPECT("jongens daan zn moeder belde mij, hij ligt in het zkh", SCAN_NAME, "daan");
	EXPECT("Overdracht crisisdienst: dhr. K. (34) is psychotisch.", SCAN_DATE_OF_BIRTH, "34");
	EXPECT("Ahmad (16, amv) heeft littekens op zijn rug en slaapt slecht.", SCAN_DATE_OF_BIRTH, "16");
	EXPECT("Overdracht hospice: mevrouw Brouwer, 1938, ALS, kan niet meer slikken.", SCAN_DATE_OF_BIRTH, "1938");
	EXPECT("Bewoonster Dieuwertje (tweeënzestig) heeft het syndroom van Down.", SCAN_DATE_OF_BIRTH, "tweeënzestig");
	EXPECT("Zijn kleindochter van twintig waakt vannacht.", SCAN_DATE_OF_BIRTH, "twintig");
	EXPECT("Zorgboerderij: Wim slaapt deze week in logeerkamer 2 omdat zijn moeder geopereerd wordt.", SCAN_ROOM,
	       "logeerkamer 2");
	EXPECT("Dialysenr D-0881 (mw. Pinas): Kt/V te laag.", SCAN_PATIENT_NUMBER, "D-0881");
	EXPECT("Bewonersnummer BW-112 (kamer 12) heeft een positieve coronatest.", SCAN_PATIENT_NUMBER, "BW-112");
	EXPECT_NONE("Bel nummer 112 bij nood.", SCAN_PATIENT_NUMBER);
	EXPECT_NONE("Het zaaknummer van de gemeente is Z-2024-1187, vermeld dat in uw brief.", SCAN_PATIENT_NUMBER);
	EXPECT_NONE("De vrouw van tien uur kwam niet.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Een moeder van twee kinderen vroeg iets.", SCAN_DATE_OF_BIRTH);
	/* the health model on a sentence with no person of its own (test_reviews
	 * saw "boom" marked after the retrain on batch 19) */
	VERDICT(assert_int_equal,
	        "Mijn ervaring was goed. brood strand raam strand veld zee kerk boom deur brug plein kat raam tafel "
	        "regen dak brug hond strand peer zon muur haven duin toren.",
	        SCAN_OK);
}

/* Wave 26 (batch 113): a diary's clause without a subject in a post where
 * the writer is the only person; the conditions of a client app */
static void test_wave26_classes(void **state)
{
	(void)state;
	EXPECT("Long covid sinds maart 2022. Na 10 minuten lezen is mijn hoofd leeg.", SCAN_HEALTH, "Long covid");
	EXPECT("20 jaar jicht en nu ook nierstenen. Ik eet al bijna geen vlees meer.", SCAN_HEALTH, "jicht");
	EXPECT("vanochtend een hypo gehad in de supermarkt, een meisje van de kassa gaf me appelsap.", SCAN_HEALTH,
	       "hypo");
	EXPECT("Morgen mijn eerste keer naar de hartrevalidatie. Wat moet ik aantrekken?", SCAN_HEALTH,
	       "hartrevalidatie");
	const char *ok[] = {
		/* a topic, a course, a question, a curse, someone else in the post */
		"Ik lees hier veel over hartrevalidatie. Kan iemand uitleggen wat dat inhoudt?",
		"Vandaag de cursus oncologische fysiotherapie afgerond. Wat ik meeneem: bewegen helpt.",
		"Spreekbeurt gehouden over autisme en een 9 gekregen!! De juf zei dat ik het goed had uitgelegd.",
		"Verschil tussen Parkinson en parkinsonisme? Ik las er iets over.",
		"kanker koud vandaag, wss ga ik gwn niet fietsen",
		"Vroege psychose: de richtlijn wil behandeling binnen 3 maanden. Ik hoor overal over wachtlijsten.",
		"Long covid sinds maart 2022. Zij werkt nu halve dagen, ik neem het over.",
		"Long covid sinds maart 2022. Onze collega werkt nu halve dagen, ik neem het over.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		EXPECT_NONE(ok[i], SCAN_HEALTH);
	/* round 2: a body's mailbox at its own domain, a signature with a role
	 * or a team after the name */
	const char *fine[] = {
		"Spreekuur in het wijkcentrum op maandagmiddag, of maak een afspraak via sociaalraadslieden@welzijnwest.nl.",
		"Webinar: 'Living with a chronic illness'. Thursday 28 January. Register: expatcare@zorgnetwerkzuid.nl",
		"Ja dat mag, zolang het onderzoek van een erkende instelling komt. Youssef, moderator Leven met Diabetes",
		"Praat erover, ook met ons. Miriam, Hartpoli",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	VERDICT(assert_int_not_equal, "Mail me gerust: m.zorgdrager@welzijnwest.nl", SCAN_OK);
	/* a family word's possessive before the condition, a parent's general
	 * words about their own child, English in-laws, a long participle */
	EXPECT("De thuiszorg komt voortaan om 8.00 voor pa's insuline.", SCAN_HEALTH, "insuline");
	EXPECT("Hoe vertel je de juf dat je kind net diabetes heeft? Mijn dochter wil het geheimhouden.", SCAN_HEALTH,
	       "diabetes");
	EXPECT("my mother-in-law Agnes (85) has kidney failure.", SCAN_NAME, "Agnes");
	EXPECT("Vorige maand getransplanteerd. Ik weet niet hoe ik de familie moet bedanken.", SCAN_HEALTH,
	       "getransplanteerd");
	/* round 3 (batch 112): the writer's own with "zelf", also at work; a
	 * body's mailbox written "(at)"; a role before the closing name */
	EXPECT("Ik werk op de kinderoncologie en ben net zelf uit een depressie gekrabbeld.", SCAN_HEALTH, "depressie");
	EXPECT("ik ben doktersassistente en zit zelf midden in de overgang.", SCAN_HEALTH, "in de overgang");
	VERDICT(assert_int_equal, "Mail even naar wondzorg(at)thuiszorgnoord.nl als je vragen hebt. Renske Dekker, wondconsulent.",
	        SCAN_OK);
	VERDICT(assert_int_not_equal, "Mail me op anna.zorg(at)ziggo(punt)nl", SCAN_OK);
	/* round 4 (batch 114): a diary without "ik" (a time and a closing
	 * participle), "dag 12", a session with a specialist, quitting drink,
	 * "mijn eigen", a book read aloud, a review's character */
	EXPECT("Gisteren de diagnose bipolair type 2 gekregen. Eindelijk een naam voor de jaren van pieken en dalen.",
	       SCAN_HEALTH, "diagnose");
	EXPECT("dag 12 zonder sertraline. afbouwen valt me zwaarder dan gedacht.", SCAN_HEALTH, "sertraline");
	EXPECT("Is het normaal dat ik na elke sessie bij de psycholoog de rest van de dag kapot ben?", SCAN_HEALTH,
	       "sessie bij de psycholoog");
	EXPECT("sinds ik gestopt ben met drinken slaap ik eindelijk door.", SCAN_HEALTH, "gestopt ben met drinken");
	EXPECT("Verlof vanwege mijn eigen depressie: hoe vertel ik dat aan mijn cliënten? Ik ben ambulant begeleider.",
	       SCAN_HEALTH, "depressie");
	EXPECT_NONE("Nieuw onderzoek: mantelzorgers van mensen met dementie besteden gemiddeld 21 uur per week aan zorg.",
	            SCAN_HEALTH);
	VERDICT(assert_int_equal, "Heeft iemand 'Ronja de roversdochter' nog liggen? We willen het voorlezen in de jeugdgroep.",
	        SCAN_OK);
	/* round 5: a diary without "ik" that another clause of its shape tells
	 * ("... boodschappen gedaan"), a stay ("opname"), "het" no subject */
	EXPECT("Drie weken opname achter de rug. Vandaag voor het eerst weer zelf boodschappen gedaan.", SCAN_HEALTH,
	       "opname");
	EXPECT("weer een slechte nacht gehad. om 3 uur wakker met hartkloppingen en dan die gedachten die maar rondjes "
	       "draaien. zo moe", SCAN_HEALTH, "hartkloppingen");
	VERDICT(assert_int_equal, "Te koop: rolstoel merk Küschall, twee jaar oud, weinig gebruikt. Ophalen in Staphorst.",
	        SCAN_OK);
	/* round 6 (batches 114, 115): a professional's own work line, an
	 * advertisement, a figure with the shock further on, a timetable's
	 * leaders */
	const char *round6[] = {
		"Hallo, ik ben de nieuwe casemanager van FACT-team Noord. Mijn naam is Daan Hofstede, ik werk ma t/m do en "
		"ben bereikbaar via 06 - 15 39 84 20 of d.hofstede@ggznoord.nl.",
		"Vacature PGB-assistent (weekend) in Zwolle, 12 uur per week, ervaring met tillift gewenst.",
		"Zoveel vergaderingen, ik krijg er nog eens een hartaanval van 😂 Fijn weekend allemaal!",
		"Planning dagbesteding januari: ma/wo groep Zon (begeleiding Bas en Mariëlle), di/do groep Maan. "
		"Ziekmelden vóór 8.00 op 033-465 22 40.",
	};
	VERDICTS(assert_int_equal, round6, SCAN_OK);
	/* round 7 (batch 115): what the writer can no longer do, a new joint
	 * (the situations past the 32nd) */
	EXPECT("Thuis na de operatie. Maar ik kom nog steeds niet zelf in en uit bed.", SCAN_HEALTH, "in en uit bed");
	EXPECT("Gent hier. Mijne pa heeft een nieuwe knie gekregen in het AZ Sint-Lucas.", SCAN_HEALTH, "nieuwe knie");
	VERDICT(assert_int_equal, "Boekrecensie: in 'Het meisje dat de stilte hoorde' van Eline Postma volgen we Luna, een "
	                          "tiener met een angststoornis, door haar eerste jaar in de kliniek.", SCAN_OK);
	VERDICT(assert_int_equal, "Let wel op: 'een jongen uit Zeist die bij opa woont' kan herkenbaar zijn. Kun je het "
	                          "algemener maken? Moderator Aicha", SCAN_OK);
}

/* The health model (trained at build time on tests/data/privacy_dev.src):
 * a word no list holds, about a named person, is found by it and only by
 * it; general text stays quiet. */
static void test_health_model(void **state)
{
	(void)state;
	const char *t = "Mijn schoonzus Dewi heeft hyperemesis, ze spuugt alles uit.";
	EXPECT(t, SCAN_HEALTH, "hyperemesis");
	EXPECT_NONE("Tips voor tintelingen in je handen? Lees ons blog.", SCAN_HEALTH);
	int32_t *keep = hmodel_w, kt = hmodel_t, kl = hmodel_low;
	scan_health_model_use(NULL, 0, 0);
	EXPECT_NONE(t, SCAN_HEALTH);
	scan_health_model_use(keep, kt, kl);
	EXPECT(t, SCAN_HEALTH, "hyperemesis");
}

/*
 * next_match tries the whole-text patterns only where may_start lets them
 * (issue 16, speed): it must find every match an unanchored search finds,
 * in the same places.  Checked against unanchored copies of the patterns on
 * hard cases and on pseudo-random text made of their pieces.
 */
static void unanchored_matches(pcre2_code *re, const char *t, size_t len, struct buf *out)
{
	pcre2_match_data *md = pcre2_match_data_create(8, NULL);
	size_t off = 0;
	while (off <= len && pcre2_match(re, (PCRE2_SPTR)t, len, off, 0, md, NULL) >= 0) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		buf_nofail(buf_addf(out, "%zu-%zu ", (size_t)ov[0], (size_t)ov[1]));
		off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
	}
	pcre2_match_data_free(md);
}

static void check_prefilter(pcre2_code *const *un, const char *t, size_t len)
{
	struct scan_result res = {0};
	struct ctx c = {.t = t, .len = len, .out = &res};
	c.md = pcre2_match_data_create(8, NULL);
	const enum pat ps[] = {P_NUMBER, P_POSTCODE, P_DATE};
	for (size_t k = 0; k < 3; k++) {
		struct buf want = BUF_INIT(BUF_NOLIMIT), got = BUF_INIT(BUF_NOLIMIT);
		unanchored_matches(un[k], t, len, &want);
		size_t off = 0, s, e;
		while (next_match(&c, ps[k], &off, &s, &e))
			buf_nofail(buf_addf(&got, "%zu-%zu ", s, e));
		buf_nofail(buf_addc(&want, '\0'));
		buf_nofail(buf_addc(&got, '\0'));
		if (strcmp(want.ptr, got.ptr) != 0)
			fail_msg("pattern %d on \"%.*s\": want %s got %s", (int)ps[k], (int)len, t, want.ptr, got.ptr);
		buf_release(&want);
		buf_release(&got);
	}
	pcre2_match_data_free(c.md);
	free(c.starts);
}

static void test_match_prefilter(void **state)
{
	(void)state;
	assert_int_equal(scan_init(), 0);
	pcre2_code *un[3];
	const enum pat ps[] = {P_NUMBER, P_POSTCODE, P_DATE};
	for (size_t k = 0; k < 3; k++) {
		int ec;
		PCRE2_SIZE eo;
		un[k] = pcre2_compile((PCRE2_SPTR)pat_src[ps[k]], PCRE2_ZERO_TERMINATED,
		                      PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP, &ec, &eo, NULL);
		assert_non_null(un[k]);
	}
	static const char *const pieces[] = {
		"14 maart 1950", "14\xc2\xa0maart", "3\xe2\x80\x89" "april", "1ste januari", "2e kerstdag",
		"21st March 1960", "March 21, 1960", "12-03-1950", "12/3/50", "1.2.1999", "1950-03-12",
		"2001-1-1", "(020) 123 45 67", "+31 (0)6 1234 5678", "+31 6 12345678", "06-12345678",
		"0612345678", "1234 AB", "1234AB", "1234 ab Amsterdam", "1234ab", "12345 AB", "0123 AB",
		"14 \xc5\xbf" "eptember", "7th July", "4 Aug.", "30okt", "1 2 3 4 5 6 7", "1-2-3-4-5-6-7",
		"((((1))))", "+(1)(2)(3)(4)(5)(6)", "1\t\nmei", "2\x0bjuni", "11.30 uur", "May 5, 1950",
		"MAY 5, 1950", "\xff", "\xc3", "\xe2\x80", "1212-12-12", "x", " ", "-", ".", "/", "(", ")",
		"+", "9", "19", "200", "Mevrouw", "Dec", "Sept 1950", "12 . 34 . 56 . 78 . 9",
		"(1) - (2) . (3) / (4) - (5) . (6) / (7)", "+ - (1) - (2) . (3) / (4) - (5) . (6)"};
	size_t np = sizeof pieces / sizeof pieces[0];
	for (size_t i = 0; i < np; i++)
		check_prefilter(un, pieces[i], strlen(pieces[i]));
	uint32_t x = 12345;
	for (int n = 0; n < 3000; n++) {
		char t[400];
		size_t len = 0;
		int k = 1 + n % 9;
		for (int j = 0; j < k; j++) {
			x = x * 1103515245u + 12345u;
			const char *p = pieces[(x >> 8) % np];
			size_t pl = strlen(p);
			if (len + pl + 1 >= sizeof t)
				break;
			memcpy(t + len, p, pl);
			len += pl;
			if ((x >> 20) % 3)
				t[len++] = " ,-/."[(x >> 24) % 5];
		}
		check_prefilter(un, t, len);
	}
	for (size_t k = 0; k < 3; k++)
		pcre2_code_free(un[k]);
}

/* Wave 27 (batches 116 and 117): each group was seen failing on wave 26's
 * scanner. */
/* Wave 30 (batch 124): ages after the models, each with a person. */
static void test_wave30_ages(void **state)
{
	(void)state;
	EXPECT("Goedemorgen allemaal, ik ben Dinie, 86 jaar jong! Mijn ogen zijn niet best meer.", SCAN_DATE_OF_BIRTH,
	       "86 jaar");
	EXPECT("Wie herkent dit: vlekken midden in mijn beeld. Lenie, 1943", SCAN_DATE_OF_BIRTH, "1943");
	EXPECT("Trots op onze Jip, vandaag 1 jaar! 🥳", SCAN_DATE_OF_BIRTH, "1 jaar");
	EXPECT("De melding over Sem en Lotte Bosman (4 en 7) is in onderzoek.", SCAN_DATE_OF_BIRTH, "7");
	EXPECT("Verjaardagen: onze kok Harry viert zijn 65ste en gaat met pensioen!", SCAN_DATE_OF_BIRTH, "65ste");
	EXPECT("Vandaag werd ik honderd! De burgemeester kwam met bloemen.", SCAN_DATE_OF_BIRTH, "honderd");
	EXPECT_NONE("De voetbalclub viert haar 50ste! Iedereen welkom.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Foto: Jan de Vries, 1985", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Verslag jaarvergadering, 2009", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Toen werd ik tachtig keer gebeld door de verzekeraar.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Gefeliciteerd Marieke, 25 jaar in dienst!", SCAN_DATE_OF_BIRTH);
}

/* wave 30, round 2 (batch 125, read): ages as a fragment, after a name and
 * where the person is from, in a bracket of what they have; years that are
 * no age; meeting rooms; a question to any reader; lower-case signatures */
static void test_wave30_round2(void **state)
{
	(void)state;
	EXPECT("17 jaar, autisme en net mijn rijbewijs gehaald! Wie nog meer?", SCAN_DATE_OF_BIRTH, "17 jaar");
	EXPECT("Heeft iemand onze buurman gezien? 77 jaar, rode jas, loopt met een rollator.", SCAN_DATE_OF_BIRTH,
	       "77 jaar");
	EXPECT("Vrijwilliger, 61 jr, en sinds de zomer zelf chemo.", SCAN_DATE_OF_BIRTH, "61 jr");
	EXPECT("Zij is verward, 88 jaar, en sinds vanmiddag zoek.", SCAN_DATE_OF_BIRTH, "88 jaar");
	EXPECT("Groetjes van Gerrit, 83 🌷", SCAN_DATE_OF_BIRTH, "83");
	EXPECT("Hallo, ik ben Femke uit Sneek, '89. Sinds vorig jaar heb ik reuma.", SCAN_DATE_OF_BIRTH, "'89");
	EXPECT("Buddy gezocht: Ahmed uit Almelo (52) heeft net een beroerte gehad.", SCAN_DATE_OF_BIRTH, "52");
	EXPECT("Ik zorg voor mijn broer (veertig, epilepsie) en dat valt zwaar.", SCAN_DATE_OF_BIRTH, "veertig");
	EXPECT("Ik ben Sam (zij/haar, negentien) en ik zit in een eetstoornisbehandeling.", SCAN_DATE_OF_BIRTH,
	       "negentien");
	EXPECT("Mijn dochter (9, diabetes type 1) mag niet mee op kamp.", SCAN_DATE_OF_BIRTH, "9");
	EXPECT_NONE("Te koop: tillift, 4 jaar oud, zo goed als nieuw.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("De koorts van mijn zoon was gisteren (38,4) al lager.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Wij feliciteren kok Ahmed met zijn vijfentwintigjarig jubileum!", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Onze vereniging viert het 40-jarig bestaan met Jan de Boer als dagvoorzitter.",
	            SCAN_DATE_OF_BIRTH);
	EXPECT("verhaal uit de praktijk (met toestemming): 'Kim, 31, kwam bij ons met een eetstoornis.'", SCAN_HEALTH,
	       "eetstoornis");
	EXPECT("afspraak verzetten lukt niet, mn rug zit weer vast. groeten marleen", SCAN_NAME, "marleen");
	EXPECT("ik slaap al weken slecht van de zorgen om mijn vader. - anouk", SCAN_NAME, "anouk");
	EXPECT("hoi wijkteam, fatima hier. mn zoon heeft weer een terugval.", SCAN_NAME, "fatima");
	const char *fine[] = {
		"Rooster: dinsdag Daan en Eva, donderdag werkoverleg in kamer 1.12.",
		"Beste ouders, in groep 5 is krentenbaard. Heeft u zelf een wondje of eczeem? Vraag dan uw huisarts om raad.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	EXPECT("MDO: mw. Brouwer, kamer 12, weigert haar medicatie.", SCAN_ROOM, "kamer 12");
}

/* wave 30, round 3 (batch 126, read): an organisation's own door, a judge
 * in her role, a body part with its side */
static void test_wave30_round3(void **state)
{
	(void)state;
	const char *fine[] = {
		"Fysiotherapie Het Anker: Molenweg 12, 7411 AB Deventer. Bel voor een afspraak 0570 - 61 20 30.",
		"De kledingbank is verhuisd naar Schoolstraat 7 in Tiel, open op dinsdag en donderdag.",
		"Kinderrechter mr. Joris Veldkamp sprak op het congres over jeugdbescherming.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	const char *warn[] = {
		"Mijn vader woont sinds kort op Molenweg 12, 7411 AB Deventer.",
		"Wie woont er op Kerkpad 3? Daar zit al dagen niemand achter het raam.",
		"Na jaren wachten eindelijk een aangepaste woning: Esdoornlaan 4, Zwolle!",
		"Vrijdag haalt Sanne de kleine op bij Beukenlaan 9.",
	};
	VERDICTS(assert_int_not_equal, warn, SCAN_OK);
	EXPECT("Mijn rechterknie is dik en doet pijn.", SCAN_HEALTH, "Mijn rechterknie is dik");
	EXPECT("Ik heb al weken last van mijn rechterenkel.", SCAN_HEALTH, "last van mijn rechterenkel");
}

/* wave 30, round 4 (batch 127, read): "MS" is no title; a group named
 * after a condition is no one's health */
static void test_wave30_round4(void **state)
{
	(void)state;
	const char *fine[] = {
		"Lezing over leven met MS. Aanmelden kan bij de balie.",
		"Onze Parkinson-danslessen starten weer! Docent Liesbeth geeft les op maandag.",
		"Onze Reuma-wandelgroep loopt weer, met begeleider Sanne.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	EXPECT("Mijn moeder heeft sinds vorig jaar MS. Zij kan niet meer traplopen.", SCAN_HEALTH, "MS");
}

/* wave 30, round 5 (batch 128, read): the organisation's own account said
 * with "eigen"; everyday words the health model took alone */
static void test_wave31_round28(void **state)
{
	(void)state;
	/* batch 152 read: a condition written as its abbreviation or eponym,
	 * said of someone */
	EXPECT("Hoi, ik ben Marloes, 44, en ik heb sinds een jaar MS. Wie wandelt er mee in Deventer?", SCAN_HEALTH, "MS");
	EXPECT("Vermoeid is een understatement: ik heb RRMS en lig om negen uur al in bed.", SCAN_HEALTH, "RRMS");
	EXPECT("sorry maar mn crohn speelt weer op, ik kom zaterdag niet.", SCAN_HEALTH, "crohn");
	/* and not: anyone's, or a rule given for a condition */
	const char *fine[] = {
		"Heb je MS en wil je meedoen aan het onderzoek? Meld je aan via de site.",
		"Hoe leggen jullie uit dat een kind andere regels heeft, bijvoorbeeld bij ADHD?",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
}

static void test_wave31_round27(void **state)
{
	(void)state;
	/* batch 150 read: a name run together with words in a hashtag or an
	 * @handle */
	EXPECT("Onze buurjongen is sinds vrijdag zoek. Delen aub #vindmarco", SCAN_NAME, "#vindmarco");
	EXPECT("Bedankt voor alles #bedanktjufAnnelies", SCAN_NAME, "#bedanktjufAnnelies");
	EXPECT("@jolandadekker wat fijn dat je moeder weer thuis is", SCAN_NAME, "@jolandadekker");
	/* batch 151 read: health in an English sentence, said of someone */
	EXPECT("Sorry for the English: my mum Ingrid has been vomiting since last night, can the GP come?",
	       SCAN_HEALTH, "vomiting");
	assert_true(counted("Quick update: my flatmate broke her wrist skiing, so she can't cook this week.", SCAN_HEALTH));
	assert_true(counted("Since the accident my husband can't put weight on his left leg.", SCAN_HEALTH));
	assert_true(counted("Our daughter Noor (2) was born with a cleft palate, any tips for a speech therapist?",
	                    SCAN_HEALTH));
	/* and not: a word that is a hashtag, an organisation's handle, English
	 * idioms, a campaign that names no one */
	const char *fine[] = {
		"Fijne feestdagen allemaal! #sinterklaas #pakjesavond",
		"Vragen over uw afspraak? Stuur een bericht naar @StJorisZiekenhuis",
		"Honestly I'm sick of this weather, that presentation killed me. Break a leg tomorrow everyone!",
		"People with diabetes can get a free flu shot at the GP in October.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
}

static void test_wave31_round26(void **state)
{
	(void)state;
	/* batch 149 read: a fever's temperature, eating and sleeping little,
	 * a child born early by its weeks; a public figure in apposition */
	EXPECT("Mehmet heeft vandaag de prik gehad en heeft nu 38,9 en wil alleen nog bij mij op schoot liggen.",
	       SCAN_HEALTH, "38,9");
	EXPECT("Gesprek met de mentor over Amber (13): ze eet tussen de middag niets meer.", SCAN_HEALTH,
	       "eet tussen de middag niets");
	assert_true(counted("Sinds de bombardementen slaapt ze niet meer en schrikt ze van elk geluid.", SCAN_HEALTH));
	EXPECT("Onze zoon Mees ligt op de NICU. Geboren bij 27 weken, nu 980 gram.", SCAN_HEALTH,
	       "Geboren bij 27 weken");
	/* and not: a threshold, anyone's eating and sleeping, a swimmer's
	 * childhood in the news */
	const char *fine[] = {
		"Bij koorts boven 38,5 graden: bel de huisarts.",
		"Veel ouderen eten te weinig eiwit.",
		"Slaapt het slecht, trekt het zich terug of is het ineens stil? Praat erover.",
		"Wat een mooie reportage over Quinty Janssen, de paralympische zwemster uit Roermond die vertelde over "
		"haar jeugd met reuma.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
}

static void test_wave31_round25(void **state)
{
	(void)state;
	/* batches 143-148: where someone stays in care, said with a verb of
	 * living or sitting; what a body can no longer do */
	EXPECT("Mijn moeder woont sinds maandag op de PG-afdeling.", SCAN_HEALTH,
	       "woont sinds maandag op de PG-afdeling");
	EXPECT("Hij zit nu op de HIC.", SCAN_HEALTH, "zit nu op de HIC");
	EXPECT("Ons zoontje ligt al 5 weken op de neonatologie.", SCAN_HEALTH, "ligt al 5 weken op de neonatologie");
	EXPECT("Sinds zijn beroerte kan hij niet meer praten.", SCAN_HEALTH, "kan hij niet meer praten");
	assert_true(counted("Mijn rug is sinds gisteren echt kapot, ik kan nauwelijks lopen.", SCAN_HEALTH));
	assert_true(counted("ff eerlijk zijn: ik heb al 3 dagen niet geslapen en mn gedachten razen.", SCAN_HEALTH));
	/* a run-on sentence: the clause ends at its verb ("dat ik ... heb 😩 de
	 * assistente zegt") */
	assert_true(counted("3e keer deze maand dat ik een blaasontsteking heb \xF0\x9F\x98\xA9 de assistente zegt "
	                    "'plasje inleveren voor 10 uur'", SCAN_HEALTH));
	/* a colleague's own: recovering, or in a clause whose verb comes last */
	assert_true(counted("Onze praktijkverpleegkundige Marja herstelt van een operatie en is tot februari afwezig.",
	                    SCAN_HEALTH));
	assert_true(counted("Sinds collega Bianca een hersenschudding opliep bij een incident zit ons team er echt "
	                    "om te springen.", SCAN_HEALTH));
	/* and not: a place's part, a visitor waiting, anyone's noise */
	const char *fine[] = {
		"Ik zit in de vrijwilligerspool van het ziekenhuis en rijd op dinsdag.",
		"Wij zitten al twee uur bij de SEH te wachten op de taxi van de buurvrouw.",
		"We kunnen niet slapen door de herrie van de buren.",
		"Je kan niet lopen op die gladde stoep, strooi even zout!",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
}

static void test_wave31_round24(void **state)
{
	(void)state;
	/* batch 146 read: a region's adjective alone read as a name; a staff
	 * member's job shortened in brackets */
	const char *fine[] = {
		"Nieuws van de Achterhoekse Zorgcoöperatie: vanaf maart ook dagbesteding in Winterswijk.",
		"Let op: de nieuwe douchestoelen werken anders, vraag eerst de uitleg van Sanne (ergo).",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's: a colleague's own illness with her job in
	 * brackets */
	assert_true(counted("Collega's, Hanneke (ergo) zit met een burn-out thuis.", SCAN_HEALTH));
}

static void test_wave31_round23(void **state)
{
	(void)state;
	/* batch 145 read: a thing named after someone with a hyphen; a sports
	 * star's compound role with "oud-" */
	const char *fine[] = {
		"Vrijdag loopt de dagbesteding de Vincent van Gogh-route door Nuenen, 5 km.",
		"In de krant vertelt oud-profvoetballer Ruud Verhoeven over zijn depressie na zijn carrière.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's: a double-barrelled name, a club's own player */
	assert_true(counted("Mevrouw Van den Berg-Öztürk is gisteren gevallen en heeft haar heup gebroken.", SCAN_NAME));
	assert_true(counted("Onze keeper Bram Hendriks heeft zijn kruisband gescheurd.", SCAN_HEALTH));
}

static void test_wave31_round22(void **state)
{
	(void)state;
	/* batches 141 and 144 read: a birth's day with the hour between it and
	 * the weight; names, then the animals they are; a platform's page read
	 * as a name */
	EXPECT("Hoera!! Noor op di 3 dec om 14.20, 2980 gram en 48 cm.", SCAN_DATE_OF_BIRTH, "3 dec");
	assert_true(counted("Hoera!! Noor op di 3 dec om 14.20, 2980 gram en 48 cm.", SCAN_DATE_OF_BIRTH));
	const char *fine[] = {
		"Pip, Dot en Kees zijn de twee ezels en de pony van onze zorgboerderij. Kom ze knuffelen!",
		"Onze openingstijden staan op onze Instagrampagina en op de website.",
		"Etentje met het team op di 3 dec om 19.30 in de kantine.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's: a man and his dog (the possessive), a
	 * child and its illness */
	assert_true(counted("Marco en zijn hond Bolletje zijn terecht; Marco is mee naar de SEH met longontsteking.",
	                    SCAN_HEALTH));
	assert_true(counted("Daan en Sem zijn de tweeling van mijn zus en hebben allebei waterpokken.", SCAN_HEALTH));
}

static void test_wave31_round21(void **state)
{
	(void)state;
	/* batches 142 and 143 read: an organisation's mailbox written to fool
	 * harvesters, read by the rules of a written one; the speaker after an
	 * event word and "van"; roles in the plural before "zijn"; a decade's
	 * age of an unnamed client or person; animals given names; a name read
	 * on into a place; health of anyone's child */
	const char *fine[] = {
		"Cursus 'Rond komen' start 3 maart in Delft. Aanmelden via rondkomen at welzijndelft punt nl.",
		"Wat een mooie avond bij de lezing van dr. Femke Wouters over slaap en dementie.",
		"Nieuwjaarsborrel op 9 januari. Gastvrouwen zijn Ans, Fatima en Joke.",
		"Casus voor de intervisie: een cliënte (eind dertig, twee kinderen) wil stoppen met haar medicatie.",
		"Ik begeleid een oudere man van midden zeventig die steeds vaker valt. Hoe pakken jullie dat aan?",
		"Lammetjes op de kinderboerderij! De kinderen gaven ze de namen Pim, Rosa en Kees.",
		"Heeft iemand tips voor een volwassen kind met een verstandelijke beperking dat uit huis wil?",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's: a person's own mailbox spelled out, a name
	 * before its town, a grandmother in her town with her illness */
	EXPECT("Mail me: jan punt kramer at hotmail punt com", SCAN_EMAIL, "jan punt kramer at hotmail punt com");
	assert_true(counted("Mail me: jan punt kramer at hotmail punt com", SCAN_EMAIL));
	EXPECT("Mijn zus Wietske in Drachten heeft MS.", SCAN_NAME, "Wietske");
	assert_true(counted("Mijn zus Wietske in Drachten heeft MS.", SCAN_HEALTH));
	assert_true(counted("Mijn moeder (eind zeventig) heeft sinds gisteren koorts.", SCAN_DATE_OF_BIRTH));
}

static void test_wave31_round20(void **state)
{
	(void)state;
	/* batch 141 read: a baby's age in months after its name, and the name;
	 * speakers after "Sprekers:" with a doctor's title and without an
	 * event word */
	EXPECT("Vraagje: Noortje is 5 maanden en drinkt slecht.", SCAN_DATE_OF_BIRTH, "5 maanden");
	assert_true(counted("Vraagje: Noortje is 5 maanden en drinkt slecht.", SCAN_NAME));
	EXPECT("Wie herkent dit? Fenna (9 mnd) huilt elke nacht.", SCAN_DATE_OF_BIRTH, "9 mnd");
	EXPECT_NONE("De wachtlijst is 6 maanden.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("Priya is 20 weken zwanger.", SCAN_DATE_OF_BIRTH);
	const char *fine[] = {
		"Avond over voeding en taal op 3 maart. Sprekers: dr. Sanne Bakker (kinderarts) en Joost Mulder (JGZ).",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
}

static void test_wave31_round19(void **state)
{
	(void)state;
	/* batch 140 read: a blood pressure read off with a person; a number to
	 * call after a client-number label; "24/7"; a club's player; a peer
	 * group's mailbox */
	EXPECT("Mijn metingen deze week: 148/92 en 151/95. Bel ik de praktijk?", SCAN_HEALTH, "148/92");
	EXPECT_NONE("Meet de bloeddruk zittend. Vanaf 140/90 bij herhaling overleggen.", SCAN_HEALTH);
	EXPECT_NONE("Open 24/7 voor vragen over 12/05/2026.", SCAN_HEALTH);
	const char *fine[] = {
		"Graag uw klantnummer uit het bericht halen en ons te bellen op 043 - 350 20 40. Groet, webcare.",
		"In Zuid-Limburg kun je 24/7 anoniem chatten met de hulplijn. Deel het!",
		"PSV-speler Luuk Verbeek bezocht vandaag de kinderafdeling in Venlo.",
		"Mail de lotgenotengroep: alzheimer.parkstad (at) mergelzorg punt nl.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's: a club's own keeper, an address with a flat */
	assert_true(counted("Onze keeper Bram Hendriks heeft zijn kruisband gescheurd.", SCAN_HEALTH));
	EXPECT("Mijn moeder woont op Kerkstraat 12/2 in Venlo.", SCAN_ADDRESS, "Kerkstraat 12");
}

static void test_wave31_round18(void **state)
{
	(void)state;
	/* batch 139 read: a date with a year of birth and no label; a speaker's
	 * own illness after "blijkt"; speakers and the hall of a training; its
	 * quoted subject; a professional's unnamed client; a decade's age of an
	 * anonymised case; a case with a letter for a name; a mailbox for
	 * phishing */
	EXPECT("casus: h. dirksen, 4-11-'41, hartfalen en dikke enkels.", SCAN_DATE_OF_BIRTH, "4-11-'41");
	EXPECT("Aanmelding dagbesteding: 17.02.1938, woont nog zelfstandig, weduwe.", SCAN_DATE_OF_BIRTH, "17.02.1938");
	EXPECT_NONE("Op 5-5-1945 werd het dorp bevrijd.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("De afspraak staat op 12-06-2027 om 9 uur.", SCAN_DATE_OF_BIRTH);
	assert_true(counted("Workshop afgelast: trainer Okke bleek zelf longontsteking te hebben.", SCAN_HEALTH));
	const char *fine[] = {
		"Studiedag dementie. Sprekers: Yvonne Dekkers (GGZ Oost) en Ramon Vis (gemeente Tiel).",
		"Webinar 'Leven met diabetes' door diabetesverpleegkundige Anouk Smeets, 2 juni, zaal 0.14.",
		"Workshop 'omgaan met rouw' met Lieke Brand uit Tiel en Omar Said uit Culemborg, 3 avonden.",
		"Mijn cliënt heeft een zeldzame longziekte en ik noem bewust geen naam. Wie kent een goed expertisecentrum?",
		"Vraag aan de POH'ers: een oudere cliënte meldt angstklachten sinds de verhuizing. Hoe pakken jullie dat aan?",
		"Intervisie: een cliënt van mij (begin tachtig, woont alleen) wil geen alarmknop. Hoe bespreken jullie dat?",
		"Anoniem gemaakt: mevrouw Q, weduwe, sondevoeding via de PEG. Wie heeft tips voor de nachtpomp?",
		"Niet op de link klikken, stuur de mail door naar abuse@zorggroepmaasland.nl.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's: a client's name after "met" in such a text, a
	 * stranger of a stated age, a name with an initial */
	assert_true(counted("Na de cursus met mevrouw Hendriks haar wond verzorgd.", SCAN_NAME));
	assert_true(counted("Een jonge vrouw van negentien in onze praktijk heeft elke week migraine.", SCAN_HEALTH));
	assert_true(counted("Mevrouw B. heeft COPD.", SCAN_HEALTH));
}

static void test_wave31_round17(void **state)
{
	(void)state;
	/* batch 138 read: a webcare signature and its organisation; a house's
	 * name; a venue after "'t"; a decade's age of someone unnamed; a room to
	 * meet in; a district post's line; a self-intro's work mailbox; praise
	 * passed on with "we zeggen het tegen" */
	const char *fine[] = {
		"Bij levensgevaar belt u natuurlijk altijd de alarmcentrale. ^Ruben, HAP Hunzeland",
		"Wij willen u vragen de foto van de armband te verwijderen. Dank voor uw begrip! ^Femke | Noorderhaven",
		"In Huize Geesje Kwant is vanaf vandaag ook een fysiotherapiepraktijk gevestigd.",
		"Kiek, dat is nou zorg! De fysio's van 't Olde Hoes hebben zelf een beweegtuin in elkaar gezet.",
		"Een vrouw van in de tachtig werd gisteren in Hoogezand onwel in de supermarkt.",
		"Kamer 0.12 in De Vennehof is vanaf nu de stille ruimte voor familie.",
		"Het nieuwe telefoonnummer van de wijkpost Delfzijl is nul vijf negen zes, zes twee, nul nul, een nul.",
		"Even voorstellen: ik ben Tineke Lubbers, sinds deze maand teamleider van De Kloosterhof. Mail mij "
		"gerust: t.lubbers@zorggroepveenhorst.nl",
		"Wat fijn dat je zo tevreden bent over de wijkverpleging. We zeggen het tegen Wendy en Marieke!",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's: a surname with "van 't", a room with a person,
	 * an age in words between commas */
	assert_true(counted("Sven van 't Hof zit sinds vorige week op de gesloten afdeling.", SCAN_NAME));
	EXPECT("Mijn moeder ligt op kamer 12, er is weinig ruimte.", SCAN_ROOM, "kamer 12");
	EXPECT("mijn moeder, zesentachtig, moet nu om 7 uur al naar bed.", SCAN_DATE_OF_BIRTH, "zesentachtig");
}

static void test_wave31_round16(void **state)
{
	(void)state;
	/* a person word, "van" and a number of 20-119 with no unit after it is
	 * an age whatever follows; a count or a measure is not */
	EXPECT("Oma van 98 op de scootmobiel door de Kalverstraat op koopavond!", SCAN_DATE_OF_BIRTH, "98");
	EXPECT("Mijn vader van 84 met zijn rollator naar de markt.", SCAN_DATE_OF_BIRTH, "84");
	EXPECT_NONE("Een moeder van 23 kinderen? Dat bestond vroeger echt.", SCAN_DATE_OF_BIRTH);
	EXPECT_NONE("De man van 45 kilo op de weegschaal.", SCAN_DATE_OF_BIRTH);
}

static void test_wave31_round15(void **state)
{
	(void)state;
	/* batch 137 read: names that are things' (a group, a club with a
	 * numeral, a shop, an animal of a compound, a name in a post about
	 * names), a help line's number; and a thought of suicide said in words */
	const char *fine[] = {
		"Groepsleiding van groep Storm zoekt een sportcoach voor de woensdagmiddag. Reageer bij de teamleider.",
		"Voetballer Mo El Idrissi van Willem II vertelde na zijn comeback eerlijk over de paniekaanvallen die "
		"hem een seizoen aan de kant hielden.",
		"Boodschappen voor de groep halen we voortaan bij de Dirk aan de Westermarkt, die is goedkoper.",
		"Onze therapiepony heet Dirk en is de lieveling van de hele groep.",
		"De naam Sterre staat op nummer 14 van de populairste meisjesnamen in Brabant.",
		"Chat anoniem met de jongerenlijn van GGZ Midden-Brabant via 06 39 00 55 11 (WhatsApp).",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* "op de groep" is a place: the names after it are people */
	assert_true(counted("Vandaag op de groep Ellen en Marcel uitgezwaaid. Ellen gaat naar een beschermde woning.",
	                    SCAN_NAME));
	EXPECT("Het gaat niet goed met me. Ik denk er weer aan om er een eind aan te maken.", SCAN_HEALTH,
	       "er een eind aan te maken");
}

static void test_wave31_round14(void **state)
{
	(void)state;
	/* words the rules and the model marked alone that are seldom health
	 * ("afspraak", "scootmobiel", "budgethouder") */
	const char *fine[] = {
		"Ik ben Koen Damen, praktijkondersteuner jeugd (POH-jeugd) bij Huisartsenpraktijk De Veentjes. Ouders "
		"en jongeren kunnen bij mij terecht voor kortdurende gesprekken, maak een afspraak via de assistente.",
		"Weet iemand of de scootmobielwinkel in Assen ook reparaties aan huis doet? Mijn scootmobiel slaat af "
		"bij elke drempel.",
		"Ik zie veel vragen over het pgb. Ik ben budgethouder sinds 2019 en wil best uitleggen hoe het werkt.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* an appointment with a doctor stays health */
	EXPECT("Reminder voor de dagbesteding: Karin Hoekstra wordt donderdag niet opgehaald, ze heeft een afspraak "
	       "bij de longarts.", SCAN_HEALTH, "afspraak");
}

static void test_wave31_round13(void **state)
{
	(void)state;
	/* batch 136 read: a child's age no one has; a span of hours; a named
	 * pet's age; youth work's line; a role and whom it serves before a
	 * title; a public figure again by their first name; "na 22 jaar
	 * stoppen"; the writer's intro with time words before the role */
	const char *fine[] = {
		"Hoe herken je een taalachterstand? Een kind van 2 jaar zegt meestal zo'n 50 woorden.",
		"Heeft een kind van 10 met buikpijn altijd meteen een kinderarts nodig?",
		"Voor kinderen van 4 tot 12 jaar is 9 tot 12 uur slaap normaal.",
		"Onze labrador Max is vandaag 10 geworden, de kinderen hebben een taart van hondenbrokken gemaakt.",
		"Het jongerenwerk heeft een nieuw nummer voor de chat: 06 39 20 11 48.",
		"Neem contact op met de klachtenfunctionaris van de gemeente, mevrouw Van der Linden, via 0314-377 377.",
		"Pijnlijk nieuws: aanvoerder Thijs Oude Luttikhuis heeft zijn kruisband gescheurd. Beterschap, Thijs!",
		"Vandaag afscheid van onze gezinshuisouders Harm en Gerda Lammers, die na 22 jaar stoppen. Wat hebben "
		"jullie veel kinderen een thuis gegeven!",
		"Mijn naam is Jeroen Harmsen en ik ben sinds deze week jeugdconsulent bij het Jeugdloket van de gemeente.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's: a girl of N is a case, a greeting's colleagues
	 * serve no one, a horse "van Hidde, 9 jaar" is Hidde's age, a friend's
	 * new number */
	EXPECT("Assistente, vraagje: een meisje van 15 belt zelf voor de pil.", SCAN_DATE_OF_BIRTH, "15");
	assert_true(counted("Beste collega's van de huisartsenpraktijk, mw. T. Arslan heeft vannacht een TIA gehad.",
	                    SCAN_NAME));
	EXPECT("Je loopt naast het paard van Hidde, 9 jaar; hij heeft een ernstige verstandelijke beperking.",
	       SCAN_DATE_OF_BIRTH, "9 jaar");
	VERDICT(assert_int_not_equal, "Mijn nieuwe nummer is 06 15 82 30 47 voor wie me kent.", SCAN_OK);
	/* conditions read late */
	EXPECT("Zij zag meteen dat Nova een heupdysplasie had.", SCAN_HEALTH, "heupdysplasie");
}

static void test_wave31_round12(void **state)
{
	(void)state;
	/* batch 135 read: a role and its field ("POH ouderen"); a tv-role is
	 * public; a venue's name after a capitalised kind; an age said to the
	 * reader */
	const char *fine[] = {
		"POH ouderen Mirjam de Leeuw werkt vanaf maart op maandag en donderdag.",
		"Tv-kok Henk Bakkenes (79) kookt op 3 maart in buurthuis De Kameleon met ouderen uit de wijk.",
		"Het rekeningnummer is gewijzigd: NL13 RABO 0997 9571 61 t.n.v. Buurtvereniging 't Hoekske.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* a kind before a colon names no one: the client after it counts */
	assert_true(counted("Overdracht hospice: mevrouw Brouwer, 1938, ALS, kan niet meer slikken.", SCAN_NAME));
	/* and the reader's age: "Vanaf je zestigste" is anyone's, "op je 34e"
	 * in a post about the writer is theirs */
	EXPECT("Kanker op je 34e. En dan lees ik dat Merel een extra afspraak met me maakte.", SCAN_DATE_OF_BIRTH, "34e");
}

static void test_wave31_round11(void **state)
{
	(void)state;
	/* batch 134 read: years of a job are no age; a "legend" is a public
	 * figure; a general question; an account in the name of a clients'
	 * council */
	const char *fine[] = {
		"Afscheid van Harm Kuipers, 22 jaar nachtwaker bij ons: vrijdag vanaf 16 uur borrel in de kantine.",
		"Schaatslegende Ard Wiersma (76) opende gisteren onze nieuwe beweegtuin.",
		"Algemene vraag: mag iemand met een pacemaker door het poortje op Schiphol?",
		"Het rekeningnummer is gewijzigd: NL85SNSB9398926148 t.n.v. Cliëntenraad Zorggroep Oost.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's */
	VERDICT(assert_int_not_equal, "Mijn vader is 82 jaar en heeft dementie.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Stort het maar op NL85SNSB9398926148 t.n.v. J. de Vries, dan regel ik het.",
	        SCAN_OK);
}

static void test_wave31_round10(void **state)
{
	(void)state;
	/* batch 133 read: a farewell after years of work; a signature with
	 * "afd."; focus-area staff; an initial's age */
	const char *fine[] = {
		"Teamnieuws: vanaf 1 juni is Mark Post onze nieuwe teamleider. Esther, die na 22 jaar afscheid neemt, "
		"bedanken we op 28 mei met een borrel.",
		"Wie wil mijn plek in de bijscholing reanimatie? Ik kan zelf niet meer. Tim, afd. Cardiologie",
		"Nieuw protocol valpreventie staat op intranet. Vragen? Aandachtsvelders Sharida en Klaas.",
		"Zie bijlage B., 12, 13 en 14.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	EXPECT("Casus voor het MDO: J., 15, sinds 3 maanden in de crisisopvang.", SCAN_DATE_OF_BIRTH, "15");
	/* and still someone's: a client leaving after years, with their health */
	assert_true(counted("Na 12 jaar op de groep neemt Dirk afscheid, hij verhuist naar een verpleeghuis vanwege "
	                    "zijn parkinson.",
	                    SCAN_NAME));
}

static void test_wave31_round9(void **state)
{
	(void)state;
	/* batch 132 read: an address right after a date or a time and a comma
	 * is where something takes place; where to take questions; family-home
	 * parents as staff; a word no list knows before "(NN)" */
	const char *fine[] = {
		"Kerstmarkt met jam en kaarsen. Zaterdag 13 december, Hoge Dijk 7, 7891 PA Klazienaveen.",
		"Inloopavond voor naasten van mensen met een verslaving: donderdag om 19.30 uur, Hengelosestraat 705, "
		"7521 PA Enschede. Aanmelden hoeft niet.",
		"Nieuwe werkafspraak over valincidenten. Vragen kunnen naar Jacqueline Wever.",
		"Gezinshuis De Vlinder bestaat 10 jaar! Gezinshuisouders Anouk en Ramon vieren dat op 28 mei met een open "
		"middag voor iedereen die ooit bij hen woonde.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	EXPECT("Net thuis van de zitting: Jaylinn (11) mag bij ons blijven.", SCAN_DATE_OF_BIRTH, "11");
	EXPECT_NONE("Vergadering in Zaal (3) om 10 uur.", SCAN_DATE_OF_BIRTH);
	/* and still someone's */
	VERDICT(assert_int_not_equal, "Mijn moeder woont sinds 3 maart, Kerkstraat 4.", SCAN_OK);
}

static void test_wave31_round8(void **state)
{
	(void)state;
	/* batch 131 read: a quoted name in a sentence about an animal or a
	 * thing; a public figure's name read in two parts; more roles; "Lever
	 * ze in"; a service to call for an animal */
	const char *fine[] = {
		"De dagbesteding leent een knuffelrobot uit, 'Opa Piet', voor wie veel alleen is.",
		"Nieuws uit de eredivisie: oud-international Mark van den Berg (38) is geopereerd aan zijn knie.",
		"Vragen? Magazijnbeheerder Kees staat elke dinsdag klaar.",
		"Medicijnen over de datum? Lever ze in bij de apotheek.",
		"Hij is weggelopen. Gezien? Bel de dierenambulance: 038-4224050.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* found: a year after a name and a comma, children's ages in
	 * brackets, "(de 85-jarige ...)" after a name */
	EXPECT("Condoleances aan de familie van Trijntje Wiersma, van '29.", SCAN_DATE_OF_BIRTH, "van '29");
	EXPECT("Intake voedselbank: gezin met 3 kinderen (2, 6 en 9), verwezen via schuldhulp.", SCAN_DATE_OF_BIRTH,
	       "6");
	EXPECT("Mijn oma Aukje Hoekstra (de 85-jarige met de rode bril) is terug uit het ziekenhuis.",
	       SCAN_DATE_OF_BIRTH, "85-jarige");
	EXPECT_NONE("Wij hebben 3 kinderen (groep 4, 6 en 8).", SCAN_DATE_OF_BIRTH);
	/* and still someone's */
	EXPECT("Mijn lever is kapot door de medicijnen, zegt de arts.", SCAN_HEALTH, "lever");
}

static void test_wave31_round7(void **state)
{
	(void)state;
	/* batch 130 read: public figures by more roles, their age in the next
	 * sentence, their surname again and who stands in for them; a
	 * frequently asked question; "om ziek van te worden"; the writer's role
	 * after their name and who shares it; a word said before a comma */
	const char *fine[] = {
		"Oud-minister Jan de Graaf is na een kort ziekbed overleden. Hij werd 88. De Graaf was jarenlang "
		"wethouder van zorg.",
		"Wethouder Sevgi Demir wordt wegens een burn-out twee maanden vervangen door Piet Smit.",
		"Popzangeres Lotte Ram zegt haar tour af vanwege stemproblemen.",
		"Paralympiër Tim Bos verloor zijn been bij een ongeluk en sport nu weer.",
		"Vraag van de week: ik heb suikerziekte, mag ik nog fruit eten? Onze diëtist geeft antwoord.",
		"Ik ben Fleur, sinds deze maand moderator van de groep, samen met Bas.",
		"Mijn zus zegt altijd: 'Komt goed.' Nou, vandaag kwam het goed.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* found: nightmares of one's own, an age "jaar jong" */
	EXPECT("Sinds ik in een eigen huis woon, slaap ik eindelijk weer zonder nachtmerries.", SCAN_HEALTH,
	       "nachtmerries");
	EXPECT("Vandaag is mijn moeder jarig. 90 jaar jong en nog zo scherp!", SCAN_DATE_OF_BIRTH, "90 jaar");
	/* and still someone's */
	VERDICT(assert_int_not_equal, "Lezersvraag: mijn moeder Truus (83) heeft dementie, wat nu?", SCAN_OK);
	VERDICT(assert_int_not_equal, "Ik ben Sanne, 34 jaar, en samen met Tom heb ik een zoon met autisme.", SCAN_OK);
}

static void test_wave31_round6(void **state)
{
	(void)state;
	/* batches 128-129 read: a thing's name in quotes, staff by their unit
	 * in brackets, by the clients or group that are theirs, the pair of a
	 * name in a role, a part played, a succession; a nationality; a town
	 * hall's and youth health care's mailboxes; a line to cancel on */
	const char *fine[] = {
		"De nieuwe snoezelkamer heet 'Het Wolkje' en is vanaf maandag open voor alle groepen.",
		"De kinderen doopten de nieuwe hoogwerker 'Grote Gerrit' en mochten er even in.",
		"Kandidaten voor de cliëntenraad: Ilse (Dagbesteding) en Koen (Wonen).",
		"De valpreventiegroep van Marit gaat gewoon door in de zaal.",
		"Vragen over de app? Stuur een bericht naar moderator Femke of Joost.",
		"Lize Veenstra speelt de hoofdrol ijzersterk. Vanaf donderdag in het filmhuis.",
		"Marc de Vries volgt in juni Ingrid Lam op als bestuurder.",
		"Met ervaringsdeskundige moeder Ilona Vermeer praten we over pleegzorg.",
		"Netwerkavond voor Poolse verzorgenden, met spreker Katarzyna Nowak van de vakbond.",
		"De uitslag van de enquête opvragen kan via jgz-enquete@ggdwest.nl.",
		"Insprekers kunnen zich melden bij de griffie, griffie@waterveen.nl.",
		"Bevestiging: uw afspraak is op 9 december om 08.50 uur. Wilt u vijf minuten eerder aanwezig zijn? "
		"Afzeggen kan tot 24 uur van tevoren via 0318 - 51 44 20.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	/* and still someone's */
	EXPECT("Mijn zoon heet Daan en hij heeft autisme.", SCAN_NAME, "Daan");
	VERDICT(assert_int_not_equal, "Ilse (woongroep De Linde) heeft weer automutilatie gedaan.", SCAN_OK);
	VERDICT(assert_int_not_equal, "Kun je mijn moeder bellen? Ze heeft dementie. Afzeggen kan via 06 - 12 34 56 78.",
	        SCAN_OK);
}

static void test_wave30_round5(void **state)
{
	(void)state;
	const char *fine[] = {
		"Pas op voor nepfacturen! Wij vragen nooit om te betalen op een andere rekening. Ons eigen rekeningnummer "
		"is NL44BNGH7585644390.",
		"Ik zit niet lekker in mijn vel met dat nieuwe rooster, wie wil ruilen?",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	EXPECT("Mijn moeder heeft suiker en ze hoeft gelukkig nog geen insuline.", SCAN_HEALTH, "suiker");
	EXPECT("Mijn rekeningnummer is NL44BNGH7585644390.", SCAN_IBAN, "NL44BNGH7585644390");
	/* batch 129: someone known by where they live keeps their address */
	VERDICT(assert_int_not_equal, "Truus van de Molenweg 8 wordt zondag 95! De buren hangen de vlag uit.", SCAN_OK);
}

static void test_wave29_classes(void **state)
{
	(void)state;
	/* round 1 (batch 121): an organisation's people — where to report, a
	 * roster with a day and a colon, a team thanked with the rest of
	 * them, the speakers heard at its meeting */
	const char *fine[] = {
		"Vragen over je afspraak? Meld je dan even bij Marloes of Dirk aan de balie.",
		"Spreekuur — ma: Anouk · wo: Thijs · vr: Anouk & Bram. Bel gerust: 030 - 225 18 40.",
		"Weer een 9 van onze cliënten! Dat danken we aan Sanne, Ilse, Mehmet en alle andere toppers.",
		"Themamiddag donderdag 4 maart, 14.00 uur in De Schakel. Je hoort mantelzorger Ria Smit en casemanager "
		"Joost Bakker vertellen over hun ervaringen.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	EXPECT("Mijn ma: Anouk, mijn pa: Thijs. Zij zorgen voor mij sinds mijn ongeluk.", SCAN_NAME, "Anouk");
	/* round 2: a name in lower case after who said it or "bro"; a
	 * one-word street after a person's "van", in brackets after a family,
	 * where a card is sent */
	EXPECT("vanmiddag vertelde kees dat hij weer last heeft van zijn rug", SCAN_NAME, "kees");
	EXPECT("bro ilias ff checken: gaat het al beter met die enkel?", SCAN_NAME, "ilias");
	EXPECT("Mevrouw Tahiri van Brink 7 is gevallen en ligt in het ziekenhuis.", SCAN_ADDRESS, "Brink 7");
	EXPECT("Familie Kandemir (Vaart 3) zoekt iemand die op zondag kan rijden, vader is slecht ter been.",
	       SCAN_ADDRESS, "Vaart 3");
	EXPECT("Lieve mensen, kunnen we een kaartje sturen naar Kastanje 12? Meneer Pinas is weer opgenomen.",
	       SCAN_ADDRESS, "Kastanje 12");
	EXPECT_NONE("Stuur je vragen naar Postbus 12 in Zwolle.", SCAN_ADDRESS);
	/* round 3: a character's full name, a body after the old genitive,
	 * a ward named in quotes, a machine that is "he" */
	const char *things[] = {
		"Holle Bolle Gijs had weer flinke honger in de Efteling.",
		"De kerstmarkt is dit jaar bij 's Heeren Loo in Ermelo.",
		"De nieuwe vleugel van ons huis heet 'Anna Visser', naar de eerste directrice.",
		"Het kopieerapparaat op de tweede ligt op sterven, hij print alleen nog strepen.",
	};
	VERDICTS(assert_int_equal, things, SCAN_OK);
	EXPECT("Mijn zoon heet 'Daan' en hij is 4.", SCAN_NAME, "Daan");
	/* round 4: ages an emoji ends, in a clause with the verb last, a
	 * number word opening the sentence, "de 93-jarige die"; a handover's
	 * "dhr. X, Street 12,", "bij ons op"; a case number a person follows
	 * in the next sentence, a hospital's reference, a decision's "nr." */
	EXPECT("Opa Kees is vandaag 92 🎂", SCAN_DATE_OF_BIRTH, "92");
	EXPECT("Ik snap het niet, omdat ze pas 34 is.", SCAN_DATE_OF_BIRTH, "34");
	EXPECT("Tachtig is hij, en nog elke dag op de fiets, onze opa.", SCAN_DATE_OF_BIRTH, "Tachtig");
	EXPECT_NONE("Als je 18 bent mag je stemmen.", SCAN_DATE_OF_BIRTH);
	EXPECT("Mevrouw Dekker, de 93-jarige die vorige week kwam, slaapt slecht.", SCAN_DATE_OF_BIRTH, "93-jarige");
	EXPECT("Route: dhr. Bakker, Wilg 12, steunkousen aan.", SCAN_ADDRESS, "Wilg 12");
	EXPECT("fam. Reijnders, Heuvel 5a: code sleutelkluis is gewijzigd.", SCAN_ADDRESS, "Heuvel 5a");
	EXPECT("De sleutel ligt bij ons op Populier 3.", SCAN_ADDRESS, "Populier 3");
	EXPECT("Zaaknr. ZK-440918. Moeder Samira Bouali belt morgen terug.", SCAN_PATIENT_NUMBER, "ZK-440918");
	EXPECT("Onze referentie ZH-45-22019 — Bogdan Nowak, opname 2 januari.", SCAN_PATIENT_NUMBER, "ZH-45-22019");
	EXPECT("Beschikking jeugdhulp nr. 2026-JW-004417 is afgewezen, voor Finn (10).", SCAN_PATIENT_NUMBER,
	       "2026-JW-004417");
	EXPECT_NONE("Graag betalen onder vermelding van referentie 2026-44812, mevrouw Jansen.", SCAN_PATIENT_NUMBER);
	EXPECT_NONE("Bestelling nr. 2026-88213 voor mevrouw Jansen is verzonden.", SCAN_PATIENT_NUMBER);
	/* round 5: the person a post opens by speaking to, also welcomed back
	 * after a stay in hospital; "ze" as the people named in general */
	EXPECT("Merel, sterkte met je behandeling, we denken aan je.", SCAN_NAME, "Merel");
	const char *spoken[] = {"Ria, welkom terug in de groep! Fijn dat je er weer bent na je operatie."};
	VERDICTS(assert_int_not_equal, spoken, SCAN_OK);
	const char *plural[] = {"Voor onze nieuwsbrief zoeken we ouders van kinderen met een verstandelijke beperking "
	                        "die willen vertellen hoe ze het mentorschap hebben geregeld."};
	VERDICTS(assert_int_equal, plural, SCAN_OK);
	/* round 6 (batch 122): names given to things, a roster with the name
	 * first, courses given "door" someone, a bill's account, an address
	 * with opening hours, a speaker's role before a family word */
	const char *org[] = {
		"De kraamafdeling zoekt een naam voor de knuffelbeer die elke baby bij ontslag meekrijgt. Stem op Bas, "
		"Fenna of Sientje via het formulier bij de balie 🧸",
		"Fysio De Brug: Sanne ma/do, Youssef di/wo, Karel vr.",
		"Cursus 'Grip op je geld' door Anouk; 'Slapen zonder pillen' door Mehmet en Lies.",
		"Uw factuur van Tandarts Oost (factuurnummer 77120) kunt u betalen op NL91ABNA0417164300.",
		"Afhalen bij Kringloop West, Dorpsstraat 3, 5616 LV Eindhoven, tijdens de openingstijden.",
		"Informatieavond met ervaringsdeskundige moeder Lisa Kramer. Dinsdag 20 januari, 19.30 uur.",
	};
	VERDICTS(assert_int_equal, org, SCAN_OK);
	EXPECT("Mijn moeder Lisa Kramer komt dinsdag 20 januari om 19.30 uur.", SCAN_NAME, "Lisa Kramer");
	/* round 7 (batch 123): the writer's own symptoms in plain verbs, a
	 * result the writer thanks for; the subject after the verb of an age */
	EXPECT("Ik slaap al weken slecht en huil elke avond.", SCAN_HEALTH, "Ik slaap al weken slecht");
	EXPECT("ziek thuis 🤒 kan iemand mijn dienst overnemen?", SCAN_HEALTH, "ziek thuis");
	EXPECT("De MRI was goed 🎉 Dank jullie wel voor het duimen, ik ga vanavond taart eten.", SCAN_HEALTH,
	       "MRI was goed");
	EXPECT_NONE("Ik voel me zo schuldig dat ik niet vaker ga.", SCAN_HEALTH);
	EXPECT("Gisteren werd mijn vader 80.", SCAN_DATE_OF_BIRTH, "80");
	EXPECT_NONE("Gisteren was mijn vader 80 kilo.", SCAN_DATE_OF_BIRTH);
	EXPECT("thx voor alle support ❤️ de scan was schoon!!! kan eindelijk weer slapen", SCAN_HEALTH,
	       "scan was schoon");
	const char *bill[] = {"Factuur nr. 55120, bedrag €40,00. Graag betalen op NL91ABNA0417164300 t.n.v. Praktijk Oost."};
	VERDICTS(assert_int_equal, bill, SCAN_OK);
	/* round 8 (batches 122 and 123): a list of tasks, a public name cut
	 * after "Van", what the writer's doctor said */
	const char *tasks[] = {"Taakverdeling kerstmarkt: kassa Ilse, oliebollen Ahmed en Kees.",
	                       "Het feest is verschoven, de zaal bij Van der Valk was dubbel geboekt."};
	VERDICTS(assert_int_equal, tasks, SCAN_OK);
	EXPECT("Taken vandaag: mevrouw Jansen wassen, meneer Pieters insuline.", SCAN_NAME, "mevrouw Jansen");
	EXPECT("Huisarts zegt suikerziekte type 2. Nooit ziek geweest en nu dit. Mag ik nog taart op de verjaardag van mn "
	       "broer?",
	       SCAN_HEALTH, "suikerziekte");
}

static void test_wave28_classes(void **state)
{
	(void)state;
	/* batch 120: a street of one word, any word, where someone lives ("woon
	 * op", a family word before "op", "fam. X,"), or after a comma before
	 * "in <town>" with a home in the sentence; a municipality's case number
	 * beside a person */
	EXPECT("Ik woon op Zonnedauw 8 in Lelystad en zoek een maatje.", SCAN_ADDRESS, "Zonnedauw 8");
	EXPECT("boodschappen gezocht voor mijn buurvrouw ria op Kolibrie 3, ze is net geopereerd.", SCAN_ADDRESS,
	       "Kolibrie 3");
	EXPECT("Huisbezoek vanmiddag: fam. Oduya, Kalverdiep 40. Vader ligt in het ziekenhuis.", SCAN_ADDRESS,
	       "Kalverdiep 40");
	EXPECT("Kan de pedicure bij hem thuis komen, Brink 4 in Dalfsen? Hij kan niet meer lopen.", SCAN_ADDRESS,
	       "Brink 4");
	EXPECT("Aanvraag voor mijn moeder Grietje (88), zaaknummer Z/26/55120. Nog steeds geen besluit.",
	       SCAN_PATIENT_NUMBER, "Z/26/55120");
	/* round 2: a trade before a name in the organisation's own voice, no
	 * one's family in the text: its staff */
	const char *fine[] = {
		"Nieuw bij onze praktijk: mondhygiënist Petra de Wit neemt de afspraken van woensdag over.",
		"Audicien Marja Peters is dinsdag bij ons in de ontmoetingsruimte voor een gratis hoortest.",
		"Onze praktijk is verhuisd naar Vestingplein 3 in Zwolle. Het nummer blijft hetzelfde.",
		"Mijn dochter zit op Judo 2 bij de sportschool en vindt het geweldig.",
		"Zaaknummer Z/26/55120 staat op elke brief van de gemeente: bewaar die goed.",
		"Onze vrijwilligers verzamelen op Dag 3 van de avondvierdaagse bij de kerk.",
		/* round 4: a season's greeting signed by an organisation's people */
		"De huisartsenpraktijk is gesloten op 26 december. Prettige kerstdagen gewenst door Maaike en Jeroen.",
		/* round 3: an evening's date after a talk about births */
		"Lezing over te vroeg geboren kinderen. Dinsdag 14 april, 19.30 uur, in het wijkgebouw.",
	};
	VERDICTS(assert_int_equal, fine, SCAN_OK);
	EXPECT("Onze dochter is geboren op dinsdag 14 april om 19.32 uur, 3100 gram.", SCAN_DATE_OF_BIRTH, "14 april");
	EXPECT("Fijne feestdagen van oma Truus en opa Henk!", SCAN_NAME, "oma Truus");
}

static void test_wave27_classes(void **state)
{
	(void)state;
	/* round 1 (batch 116): a wristband's line, a birth announcement, a
	 * newborn's age in days, the places a patient lies, a study's number */
	const char *band = "foto van mijn polsbandje erbij KOÇ, AYŞE · 17-08-1989 · P 802 114 37. Morgen de eerste chemo.";
	EXPECT(band, SCAN_NAME, "KOÇ, AYŞE");
	EXPECT(band, SCAN_DATE_OF_BIRTH, "17-08-1989");
	EXPECT(band, SCAN_PATIENT_NUMBER, "P 802 114 37");
	const char *baby = "Wristband of our newborn: 'BABY VAN SOMEREN, 05-12-2026 13:22, M, 0081 7741'.";
	EXPECT(baby, SCAN_NAME, "VAN SOMEREN");
	EXPECT(baby, SCAN_DATE_OF_BIRTH, "05-12-2026 13:22");
	EXPECT(baby, SCAN_PATIENT_NUMBER, "0081 7741");
	EXPECT_NONE(baby, SCAN_PHONE);
	EXPECT("Gisteren geboren in de auto 🙈 Jaylano, 4 december, 3650 gram.", SCAN_DATE_OF_BIRTH, "4 december");
	EXPECT("Gisteren geboren in de auto 🙈 Jaylano, 4 december, 3650 gram.", SCAN_NAME, "Jaylano");
	EXPECT("Foto van de uitslag van de hielprik. Onze Sem is 8 dagen. Is dit vaak loos alarm?", SCAN_DATE_OF_BIRTH,
	       "8 dagen");
	EXPECT("Ik ben 11 haha. Mijn moeder vindt het geweldig.", SCAN_DATE_OF_BIRTH, "11");
	EXPECT("Mijn man Ruben krijgt een stoma. We zijn allebei pas 39.", SCAN_DATE_OF_BIRTH, "39");
	EXPECT("Ambu-overdracht: man, ca. 60 jr, gevonden bij het busstation.", SCAN_DATE_OF_BIRTH, "60 jr");
	EXPECT("We liggen nu op verloskamer 3, ontsluiting 6 cm.", SCAN_ROOM, "verloskamer 3");
	EXPECT("Onze dochter ligt in couveuse 4 op de NICU.", SCAN_ROOM, "couveuse 4");
	EXPECT("Ik doe mee aan het onderzoek, mijn studienummer is AP-2026-0318.", SCAN_PATIENT_NUMBER, "AP-2026-0318");
	EXPECT("Geen ID bij zich, geregistreerd als Onbekend Man 4 onder SEH-26-018734.", SCAN_PATIENT_NUMBER,
	       "SEH-26-018734");
	const char *fine1[] = {
		"Verloskamer 3 wordt vrijdag van 9-12 gebruikt voor de skills-training schouderdystocie.",
		"Onze nieuwe verloskamers zijn open. Kom kijken op de open dag!",
		"We zijn 12. Wie doet er mee met de wandeling?",
		"Ons jubileumfeest is op 05-12-2026 13:30 in de kantine.",
	};
	VERDICTS(assert_int_equal, fine1, SCAN_OK);
	/* round 2 (batch 117): a person's number under home care's, the alarm
	 * services' and the pharmacy's labels; streets of one word; a year's
	 * label; a date of birth after a signature's name */
	EXPECT("Rapportage 07.50: mevr. Kaya (ECD 1184-302) was erg kortademig.", SCAN_PATIENT_NUMBER, "1184-302");
	EXPECT("Alarmcentrale hier: abonnee AL-77 0413 drukte om 14.22 op de knop.", SCAN_PATIENT_NUMBER, "AL-77 0413");
	EXPECT("Mw. Pawlak (kl.nr 40-118 7) belde: bloedsuiker 2,8.", SCAN_PATIENT_NUMBER, "40-118 7");
	EXPECT("Kenmerk REC/2026/88135, herhaalrecept dhr. Fernandes: diclofenac gestopt.", SCAN_PATIENT_NUMBER,
	       "REC/2026/88135");
	EXPECT("hij is 91 en heeft een katheter. woont op Terp 7, achterom via de schuur.", SCAN_ADDRESS, "Terp 7");
	EXPECT("Overdracht: mw. Tjin-Asjoe (Dorp 12, Heinkenszand) suiker was 19,4.", SCAN_ADDRESS, "Dorp 12");
	EXPECT("mn vader (jg '49) heeft COPD en zit aan de zuurstof.", SCAN_DATE_OF_BIRTH, "jg '49");
	EXPECT("Mijn man, een jongen van '47, krijgt nu tramadol.", SCAN_DATE_OF_BIRTH, "'47");
	EXPECT("Graag de uitslag van mijn schildklierbloed. Groet, Jan Jansen, 12-1-1967.", SCAN_DATE_OF_BIRTH,
	       "12-1-1967");
	/* an organisation's mail beside its free number, an institution named
	 * after a person, a player in the sports news */
	const char *fine2[] = {
		"Nieuw: de Mantelzorglijn. Bel of app gratis 0800 - 023 45 67 of mail jong@mantelzorgoost.nl.",
		"De kerstmarkt van woonzorgcentrum Hendrik van Boeijen is dit jaar op 14 december.",
		"Keeper Lars Oudejans is hersteld van zijn hersenschudding en speelt zondag gewoon.",
		"Kenmerk REC/2026/88135: de nieuwe folder over herhaalrecepten ligt bij de balie.",
		"We spelen zondag op Veld 3, verzamelen om 9.00.",
	};
	VERDICTS(assert_int_equal, fine2, SCAN_OK);
	VERDICT(assert_int_not_equal, "Voetbalclub: onze keeper Youssef heeft zijn kruisband gescheurd.", SCAN_OK);
	/* round 3: an organisation's own people by their trade, a public
	 * figure named without health, a transfer's reference, a public
	 * building's address */
	const char *fine3[] = {
		"Vandaag de laatste dienst van onze nachtzuster Hennie na 41 jaar. Bedankt voor alle koffie!",
		"Oranje moet het donderdag zonder Jurriën van Maanen stellen: de middenvelder liep een blessure op.",
		"Doneer voor de familiekamers! Steun ons op NL13 RABO 8851 4870 83 o.v.v. 'Familiekamer'.",
		"Burgemeester Annet Greving opent vrijdag de nieuwe ambulancepost aan de Ringweg 140.",
	};
	VERDICTS(assert_int_equal, fine3, SCAN_OK);
	const char *still3[] = {
		"Namens de lotgenotengroep: onze vaste deelnemer Bert Hulshof is zondag overleden.",
		"Mijn moeder woont sinds mei in het verpleeghuis aan de Ringweg 140.",
	};
	VERDICTS(assert_int_not_equal, still3, SCAN_OK);
	/* round 4 (batch 116): births and English conditions on the late list,
	 * what was done to a body part, a wound in it */
	EXPECT("Nadia is vanaf morgen met zwangerschapsverlof, Ties neemt haar avonden over.", SCAN_HEALTH,
	       "zwangerschapsverlof");
	EXPECT("English mama here: Rosie (10 months) has had a fever for four days and now a rash on her tummy.",
	       SCAN_HEALTH, "fever");
	EXPECT("Vanochtend mijn baarmoeder laten verwijderen in dagbehandeling, alles ging goed.", SCAN_HEALTH,
	       "mijn baarmoeder laten verwijderen");
	EXPECT("4 uur gewacht op de SEH met een snee in mijn hand tot op het bot.", SCAN_HEALTH, "snee in mijn hand");
	EXPECT_NONE("Mijn arm doet zeer van het sjouwen, haha.", SCAN_HEALTH);
	/* round 5 (batch 118): an organisation's own lines — a mailbox named by a
	 * plain word, a team introducing itself, who goes along, a trip's number;
	 * "geboren zonder"; a school named after a person; a trade opening a
	 * sentence */
	const char *fine5[] = {
		"Gezinshuis Het Kompas zoekt een ouderpaar. Reageren: gezinshuizen@kompasjeugd.nl.",
		"Het wijkteam Noord stelt zich voor: Fatiha El Idrissi (jeugd en gezin) en Bart Hoogendoorn (Wmo). "
		"Je vindt ons in De Schakel, Bernhardplein 12.",
		"Groep De Vlinder bakt zaterdag pepernoten, Dorpsweg 88, Driebergen. Begeleiding: Sandra en Youssef.",
		"Werkweek Berlijn, 14-18 december. Noodnummer tijdens de reis: 06 - 5512 3087.",
		"Paralympisch zwemster Naomi Koster, geboren zonder onderbenen, komt op 4 februari naar de Mytylschool.",
		"Vandaag bracht groep 7 van de Annie M.G. Schmidtschool 200 zelfgemaakte kerstkaarten.",
		"Schoolfotograaf komt donderdag 11 december! Groep 1 tot en met 4 in de ochtend.",
	};
	VERDICTS(assert_int_equal, fine5, SCAN_OK);
	const char *still5[] = {
		"Mail me gerust: petra@gmail.com, ik ben er de hele week.",
		"Mijn zoon Daan ligt in het Jeroen Boschziekenhuis.",
	};
	VERDICTS(assert_int_not_equal, still5, SCAN_OK);
	/* round 6: a body's desk after its name and a comma, a meeting's
	 * speaker by their trade */
	const char *fine6[] = {
		"Zorgen over je kind? Bel 023 - 511 50 00 of loop binnen bij het CJG, Zijlweg 205, 2015 CK Haarlem.",
		"Themabijeenkomst voor ouders op 12 februari, met seksuoloog Miranda Brink. Koffie staat klaar.",
	};
	VERDICTS(assert_int_equal, fine6, SCAN_OK);
	VERDICT(assert_int_not_equal, "Mijn moeder woont bij het CJG, Zijlweg 205 en is erg ziek.", SCAN_OK);
	/* round 7 (batch 119): public figures in the arts and the Bible, their
	 * own words in quotes, their age in the name's sentence; the group's
	 * moderators */
	const char *fine7[] = {
		"Oud-voetballer Rodney Kwakman opende het herstelhuis. Hij sprak over zijn gokverslaving: 'Ik schaamde "
		"me kapot, dat moet anders.'",
		"Met verdriet nemen wij afscheid van schrijfster Hanna Vermeer-Oost, die op 84-jarige leeftijd is overleden.",
		"In memoriam: schilderes Jopie Zwart overleed zondag. Zij gaf jarenlang les aan onze gasten.",
		"Het Sint-Lucashospice is genoemd naar de evangelist Lucas, volgens de overlevering arts.",
		"Huisregels van onze online groep: wat hier gedeeld wordt, blijft hier. Moderatie: Wim en Latifa.",
		"Wil je je vraag opnieuw stellen zonder namen? – Els, moderatie kring",
	};
	VERDICTS(assert_int_equal, fine7, SCAN_OK);
	VERDICT(assert_int_not_equal, "Oud-voetballer Rodney Kwakman opende het herstelhuis. Mijn vader heeft ook een "
	                              "gokverslaving.", SCAN_OK);
	/* round 8 (batch 119): a count of sober days is the writer's own */
	const char *sober[] = {
		"Dag 41 zonder drank. Wel drie keer langs de slijterij gefietst. Morgen AA in het buurthuis.",
		"dag 412 zonder alcohol vandaag. geen taart, wel trots",
		"Vandaag 100 dagen clean! Ik ben zo trots op mezelf.",
	};
	VERDICTS(assert_int_not_equal, sober, SCAN_OK);
	const char *notsober[] = {
		"Dry January: 31 dagen zonder alcohol, doe je mee?",
		"Dag 3 zonder stroom in de wijk. Wanneer komt de monteur?",
	};
	VERDICTS(assert_int_equal, notsober, SCAN_OK);
	/* how long something has lasted is no one's age */
	VERDICT(assert_int_equal, "Ik wacht nog steeds op de brief van de gemeente, het is nu 2 weken.", SCAN_OK);
	EXPECT("Onze Sem is 8 dagen. Is dit vaak loos alarm?", SCAN_DATE_OF_BIRTH, "8 dagen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elfproef),
		cmocka_unit_test(test_ages),
		cmocka_unit_test(test_more_labels),
		cmocka_unit_test(test_written_out),
		cmocka_unit_test(test_more_names),
		cmocka_unit_test(test_label_grammar),
		cmocka_unit_test(test_ages_in_words),
		cmocka_unit_test(test_health_lexicon),
		cmocka_unit_test(test_room_notations),
		cmocka_unit_test(test_address_grammar),
		cmocka_unit_test(test_staff_and_public),
		cmocka_unit_test(test_mixed_phone),
		cmocka_unit_test(test_wave5_classes),
		cmocka_unit_test(test_wave5_tuned),
		cmocka_unit_test(test_wave6_classes),
		cmocka_unit_test(test_bsn),
		cmocka_unit_test(test_iban),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_dob),
		cmocka_unit_test(test_patient_number),
		cmocka_unit_test(test_room),
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_health),
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_ignore),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_jsonl_format),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_names_api),
		cmocka_unit_test(test_wave8_classes),
		cmocka_unit_test(test_wave10_ages),
		cmocka_unit_test(test_wave10_labels),
		cmocka_unit_test(test_wave11_names_ages),
		cmocka_unit_test(test_wave11_org_lines),
		cmocka_unit_test(test_wave11_initials_titles),
		cmocka_unit_test(test_wave11_batch19),
		cmocka_unit_test(test_wave12_staff_idioms),
		cmocka_unit_test(test_wave13_classes),
		cmocka_unit_test(test_wave14_classes),
		cmocka_unit_test(test_wave15_classes),
		cmocka_unit_test(test_wave16_classes),
		cmocka_unit_test(test_wave17_classes),
		cmocka_unit_test(test_wave18_classes),
		cmocka_unit_test(test_wave19_classes),
		cmocka_unit_test(test_wave20_classes),
		cmocka_unit_test(test_wave21_classes),
		cmocka_unit_test(test_wave22_classes),
		cmocka_unit_test(test_wave23_classes),
		cmocka_unit_test(test_wave24_classes),
		cmocka_unit_test(test_wave25_classes),
		cmocka_unit_test(test_wave26_classes),
		cmocka_unit_test(test_wave27_classes),
		cmocka_unit_test(test_wave28_classes),
		cmocka_unit_test(test_wave29_classes),
		cmocka_unit_test(test_wave30_ages),
		cmocka_unit_test(test_wave30_round2),
		cmocka_unit_test(test_wave30_round3),
		cmocka_unit_test(test_wave30_round4),
		cmocka_unit_test(test_wave30_round5),
		cmocka_unit_test(test_wave31_round6),
		cmocka_unit_test(test_wave31_round7),
		cmocka_unit_test(test_wave31_round8),
		cmocka_unit_test(test_wave31_round9),
		cmocka_unit_test(test_wave31_round10),
		cmocka_unit_test(test_wave31_round11),
		cmocka_unit_test(test_wave31_round12),
		cmocka_unit_test(test_wave31_round13),
		cmocka_unit_test(test_wave31_round14),
		cmocka_unit_test(test_wave31_round15),
		cmocka_unit_test(test_wave31_round16),
		cmocka_unit_test(test_wave31_round20),
		cmocka_unit_test(test_wave31_round21),
		cmocka_unit_test(test_wave31_round22),
		cmocka_unit_test(test_wave31_round23),
		cmocka_unit_test(test_wave31_round24),
		cmocka_unit_test(test_wave31_round25),
		cmocka_unit_test(test_wave31_round26),
		cmocka_unit_test(test_wave31_round27),
		cmocka_unit_test(test_wave31_round28),
		cmocka_unit_test(test_wave31_round19),
		cmocka_unit_test(test_wave31_round18),
		cmocka_unit_test(test_wave31_round17),
		cmocka_unit_test(test_health_model),
		cmocka_unit_test(test_match_prefilter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
