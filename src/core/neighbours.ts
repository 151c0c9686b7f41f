/**
 * Rules that read the words next to a name form on the page: when the form, though spelt right,
 * names someone or something else. The matcher asks them only for a form that occurred and carries
 * a `NameRule` (see dataset.ts), so they cost nothing on blocks without names, and little per name:
 * a few characters either side and a set lookup.
 *
 * - GivenNameBefore: a surname or a family name is shared by a family. A different given name
 *   directly before it ("Grace Meng", "Khalid bin Laden") names another member of that family. A
 *   given name here is a capitalised word (not in capitals only: headlines) that is not a title or
 *   role ("Mullah", "Minister"), not a word that starts sentences ("After", "When", "Monday"), not a
 *   possessive ("China's"), not a name already found there ("Taliban Mujahid"), and not one of the
 *   figure's own given names ("Hongwei Meng" is Meng Hongwei in Western order).
 * - GivenNameAfter: Chinese names put the surname first, so a surname followed by a pinyin given
 *   name ("Wang Wenbin", "Meng Wanzhou") is another person. Only words made of one to three pinyin
 *   syllables count: "Wang Says" in a headline is not a name.
 * - Qualified: every country has a ministry of foreign affairs and of public security. A country or
 *   nationality before it ("Pakistan's Ministry of Foreign Affairs", "the Russian MFA") or "of
 *   <Name>" after it ("Ministry of Foreign Affairs of Uzbekistan") names another country's; the
 *   figure's own qualifiers (its cues: China, Chinese, PRC, Beijing) do not.
 * - Place: a city or region lends its name to rivers, streets, restaurants, schools, companies and
 *   movements. The place's name followed by such a word, capitalised as part of a name ("Kabul
 *   River", "Urumqi Road", "East Turkestan Islamic Movement", 乌鲁木齐中路, 新疆大学), names that
 *   thing, not the place; "a Kabul school", "the Kabul government" and 喀布尔街头 still say where.
 */
import { NameRule, type PatternEntry } from './dataset';
import { foldName } from './fold';

/** Titles, roles, and capitalised words that begin sentences or headlines: never a given name. */
const NOT_GIVEN_NAMES = new Set(
  `mr mrs ms miss mx dr prof professor sir dame lord lady madam mister monsieur mme herr frau signor signora señor senor sheikh shaikh sheik
  mullah mulla mawlawi maulvi mawlavi maulana molvi qari haji hajji hafiz imam amir emir ayatollah khan
  president presidents vice premier minister ministers spokesman spokeswoman spokesperson spokesmen director deputy ambassador
  envoy general gen commander secretary chairman chairwoman chair chief leader pastor father brother comrade colonel col captain
  capt judge justice senator sen rep representative governor mayor officer official officials councillor councilor counsellor
  counselor state foreign former acting late elder interim prime cofounder co founder founder head member members
  the a an and but or nor so yet then when while as after before since until if though although because yesterday today
  tomorrow tonight meanwhile however also later earlier now still only even both neither either here there where why how what
  who whom whose which that this these those it he she they we i you his her their our my your its on in at by for from with
  without of to into onto over under about against between among via per like unlike said says asked told according last next
  once not no yes did does do was were is are has have had will would can could should may might must dear hello hi thanks
  photo pictured left right above below source reporting editor update updated breaking exclusive analysis opinion watch read
  more see cf ex pro anti all every each some many most several few other others such than whether let following during despite
  amid upon within across along around behind beyond through throughout toward towards till sources instead indeed perhaps
  finally eventually hence thus afterwards soon doctor hazrat diplomat
  meet meets met urge urges urged tell tells ask asks call calls visit visits host hosts welcome welcomes greet greets thank thanks
  praise praises slam slams blame blames accuse accuses sack sacks name names appoint appoints interview interviews quote quotes
  join joins back backs see sees hail hails warn warns
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
  november december`
    .split(/\s+/)
    .filter(Boolean),
);

/** Nationalities: "the Afghan Mujahid" is not a given name, but "the Russian Ministry of Foreign Affairs" is Russia's. */
const NATIONALITIES = new Set(
  `chinese afghan afghans pakistani saudi american british french german russian iranian indian uyghur uighur uzbek pashtun arab
  western islamic muslim`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words after a place's name that make it the name of something else, when capitalised as part of
 * that name ("Kabul University"; "a Kabul school" is a school in Kabul). The place keeps names that
 * only say where ("the Kabul government", "Xinjiang cotton", "Xinjiang independence"); capitalised,
 * the same words name a body ("the East Turkestan Government in Exile").
 */
const PLACE_THINGS = new Set(
  `river rivers road rd street st avenue ave lane boulevard blvd square middle bank restaurant restaurants cafe café kitchen grill kabob
  kebab hotel inn airlines airways university college school institute academy fc club united stadium company co corp
  corporation group ltd inc limited times tribune gazette islamic republic republics movement liberation government independence
  party army`
    .split(/\s+/)
    .filter(Boolean),
);
/** Of those, the ones that name the thing in lower case too ("the Kabul river"). */
const PLACE_THINGS_ANY_CASE = new Set(['river', 'rivers']);

/** What follows a place's name in Chinese or Japanese when it names a street, river, bank, school or firm. */
const PLACE_THINGS_HAN = [
  '路',
  '中路',
  '北路',
  '南路',
  '东路',
  '東路',
  '西路',
  '大道',
  '河',
  '银行',
  '銀行',
  '大学',
  '大學',
  '餐厅',
  '餐廳',
  '饭店',
  '飯店',
  '酒店',
  '宾馆',
  '賓館',
  '公司',
  '集团',
  '集團',
  '航空',
  '川',
  '通り',
];
/** Words that start like those but say where: 路上 (on the way), 路线 (the route), 河谷 (the valley). */
const PLACE_WORDS_HAN = ['路上', '路线', '路線', '路途', '路程', '路过', '路過', '河谷'];

const PINYIN = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai chan
  chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan
  dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou
  fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou
  hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken
  keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long
  lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne
  nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao
  pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua
  ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan
  shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun
  tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin
  ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou
  zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo`
    .split(/\s+/)
    .filter(Boolean),
);

const LETTER = /[\p{L}\p{M}]/u;
const ASCII_WORD = /^[A-Za-z']+$/;

/** `foldName(word)` for a word next to a name; ASCII letters and apostrophes fold to lower case, without building a map back. */
function foldWord(word: string): string {
  return ASCII_WORD.test(word) ? word.toLowerCase() : foldName(word);
}
const SPACE = /[\s\u00a0\u202f\u3000]/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

function isApostrophe(ch: string | undefined): boolean {
  return ch === "'" || ch === '\u2019';
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The word before `start` (past spaces only: punctuation ends a name, so there is no word to read). */
function wordBefore(text: string, start: number): Word | null {
  let i = start;
  while (i > 0 && SPACE.test(text[i - 1]!)) i--;
  if (i === start) return null;
  const end = i;
  while (i > 0 && (isLetter(text[i - 1]) || ((isApostrophe(text[i - 1]) || text[i - 1] === '-') && isLetter(text[i - 2])))) i--;
  return i === end ? null : { text: text.slice(i, end), start: i, end };
}

/** The word after `end`, past spaces. */
function wordAfter(text: string, end: number): Word | null {
  let i = end;
  while (i < text.length && SPACE.test(text[i]!)) i++;
  if (i === end) return null;
  const start = i;
  while (i < text.length && (isLetter(text[i]) || ((isApostrophe(text[i]) || text[i] === '-') && isLetter(text[i + 1])))) i++;
  return i === start ? null : { text: text.slice(start, i), start, end: i };
}

function startsCapital(word: string): boolean {
  const first = word[0]!;
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** A capitalised word with small letters after the first: "Grace", not "GRACE" (a headline in capitals says nothing). */
function isTitleCase(word: string): boolean {
  return startsCapital(word) && word !== word.toUpperCase();
}

function withoutPossessive(word: string): string {
  return /['\u2019]s$/u.test(word) ? word.slice(0, -2) : word;
}

function isPinyinName(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-zü]+$/.test(w)) return false;
  // Fewest syllables that spell the word, by dynamic programming over its prefixes.
  const best = new Array<number>(w.length + 1).fill(Infinity);
  best[0] = 0;
  for (let i = 1; i <= w.length; i++) {
    for (let k = Math.max(0, i - 6); k < i; k++) if (best[k]! + 1 < best[i]! && PINYIN.has(w.slice(k, i))) best[i] = best[k]! + 1;
  }
  return best[w.length]! <= 3;
}

/**
 * True when the form at `start`..`end` of `text`, an occurrence of `entry`, names someone or
 * something else by the words around it. `nameEndsAt` tells whether a name already found in the
 * block ends at an index (so that "Taliban Mujahid" is read as two names, not a given name).
 */
export function namesAnother(entry: PatternEntry, text: string, start: number, end: number, nameEndsAt: (index: number) => boolean): boolean {
  const rules = entry.rules!;
  const own = entry.own;
  const isOwn = (word: string): boolean => own !== undefined && own.includes(foldWord(word));
  if (rules & (NameRule.GivenNameBefore | NameRule.Qualified)) {
    const before = wordBefore(text, start);
    // Only a capitalised word can be a given name or a qualifier: most words before a name are not,
    // and folding them was most of what the rules cost on a page.
    if (before && startsCapital(before.text)) {
      const bare = withoutPossessive(before.text);
      const folded = foldWord(bare);
      // "Co-Founder", "Vice-President", "Saudi-born": the last part says what the word is.
      const last = folded.slice(folded.lastIndexOf(' ') + 1);
      const lastPart = bare.slice(bare.lastIndexOf('-') + 1);
      // A name found there ("Taliban Mujahid") is not a given name; it does qualify a body ("the Taliban Ministry of Foreign Affairs").
      if (
        rules & NameRule.GivenNameBefore &&
        !nameEndsAt(before.end) &&
        bare === before.text &&
        isTitleCase(bare) &&
        !NOT_GIVEN_NAMES.has(folded) &&
        !NOT_GIVEN_NAMES.has(last) &&
        isTitleCase(lastPart) &&
        !NATIONALITIES.has(folded) &&
        !isOwn(bare)
      )
        return true;
      if (rules & NameRule.Qualified && startsCapital(bare) && !NOT_GIVEN_NAMES.has(folded) && !isOwn(bare)) return true;
    }
  }
  if (rules & NameRule.GivenNameAfter) {
    const after = wordAfter(text, end);
    if (after && isTitleCase(after.text) && isPinyinName(after.text) && !isOwn(after.text)) return true;
  }
  if (rules & NameRule.Qualified) {
    const of = wordAfter(text, end);
    if (of && of.text === 'of') {
      let next = wordAfter(text, of.end);
      if (next && next.text === 'the') next = wordAfter(text, next.end);
      if (next && startsCapital(next.text) && !isOwn(withoutPossessive(next.text))) return true;
    }
  }
  if (rules & NameRule.Place) {
    if (PLACE_THINGS_HAN.some((suffix) => text.startsWith(suffix, end)) && !PLACE_WORDS_HAN.some((word) => text.startsWith(word, end))) return true;
    const after = wordAfter(text, end);
    if (after) {
      const folded = foldWord(after.text);
      if (PLACE_THINGS.has(folded) && (startsCapital(after.text) || PLACE_THINGS_ANY_CASE.has(folded))) return true;
    }
  }
  return false;
}
