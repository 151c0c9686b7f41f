// Deterministic bench pages (seeded PRNG): a large article, a wide DOM, growth batches.
// The names written into them come from a fixed list (page-names.json), not from the dataset: a
// comparison with an older build must scan the same text with names both builds know, and a
// bench run must not measure other pages because a figure gained a spelling.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every name form of the figure files, and which ones stand alone (no cue needed, not short). */
function datasetForms(figuresDir) {
  const standAlone = new Set();
  const all = new Set();
  for (const file of readdirSync(figuresDir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const figure = JSON.parse(readFileSync(path.join(figuresDir, file), 'utf8'));
    for (const alias of figure.aliases ?? []) {
      all.add(alias.text);
      if (!alias.short && !alias.needsCue) standAlone.add(alias.text);
    }
    for (const native of figure.nativeNames ?? []) all.add(native.text);
  }
  return { standAlone, all: [...all] };
}

/**
 * `full`: the fixed names the pages are written with (bench/page-names.json); `all`: every form of
 * the dataset in `figuresDir`, which mark.js is asked to find. Throws if a fixed name no longer
 * stands alone in the dataset, so the pages never hold names this build does not mark.
 */
export function benchNames(figuresDir) {
  const fixed = JSON.parse(readFileSync(new URL('./page-names.json', import.meta.url), 'utf8')).names;
  const { standAlone, all } = datasetForms(figuresDir);
  const unknown = fixed.filter((name) => !standAlone.has(name));
  if (unknown.length) throw new Error(`bench/page-names.json: no longer stand-alone forms of the dataset: ${unknown.join(', ')}`);
  return { full: fixed, all };
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her she there been one all we their has would when if so no will more said about up out them some could ' +
  'what into than its time only other new also over after first two may any like now people my made over did most ' +
  'officials talks government minister meeting border security province region delegation statement report week ' +
  'ministry spokesperson agreement cooperation trade economic policy regional stability foreign visit conference ' +
  'analysts international press according interview sources country countries leaders war peace relations ' +
  'military investment pipeline corridor railway development humanitarian refugees embassy diplomats crisis ' +
  'negotiations envoy capital city officials journalists observers commentators newspaper weekend morning evening'
).split(/\s+/);

const CHINESE = [
  '外交部发言人表示，',
  '中方愿同各方加强沟通。',
  '双方就阿富汗局势交换了意见。',
  '会谈在天津举行，',
  '记者问道：',
  '国际社会普遍关注，',
  '地区和平与稳定',
  '经济合作与发展',
  '新闻发布会上，',
  '有关方面表示欢迎。',
];

function sentence(rnd, words) {
  let s = '';
  for (let i = 0; i < words; i++) {
    let w = WORDS[Math.floor(rnd() * WORDS.length)];
    if (i === 0) w = w[0].toUpperCase() + w.slice(1);
    s += (i ? ' ' : '') + w;
  }
  return `${s}.`;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Wraps a few words of a plain-text paragraph in inline markup. */
function inlineMarkup(rnd, text) {
  const words = text.split(' ');
  const tags = ['a href="#ref"', 'em', 'strong', 'a href="/story"', 'i', 'span class="hl"'];
  const marked = Math.floor(rnd() * 3);
  for (let k = 0; k < marked; k++) {
    const at = Math.floor(rnd() * words.length);
    const len = 1 + Math.floor(rnd() * 3);
    if (words[at].includes('<') || words[Math.min(words.length - 1, at + len - 1)].includes('<')) continue;
    const tag = tags[Math.floor(rnd() * tags.length)];
    const name = tag.split(' ')[0];
    words[at] = `<${tag}>${words[at]}`;
    const end = Math.min(words.length - 1, at + len - 1);
    words[end] = `${words[end]}</${name}>`;
  }
  return words.join(' ');
}

/** A name as a page might write it: plain, linked, or split across inline elements. */
function nameHtml(rnd, name) {
  const r = rnd();
  if (r < 0.6) return esc(name);
  if (r < 0.8) return `<a href="/topic">${esc(name)}</a>`;
  const parts = name.split(' ');
  if (parts.length < 2) return `<strong>${esc(name)}</strong>`;
  return `<b>${esc(parts[0])}</b> ${esc(parts.slice(1).join(' '))}`;
}

/**
 * Paragraph generator: ~`avgChars` of prose each, inline markup, a figure's name every ~2 KB of text,
 * a Chinese paragraph every ~40 (with 王毅 and 塔利班).
 */
function paragraphMaker(seed, names, { avgChars = 74 } = {}) {
  const rnd = mulberry32(seed);
  let sinceName = 0;
  let nextName = 1500 + rnd() * 1000;
  let index = 0;
  return () => {
    index++;
    if (rnd() < 1 / 40) {
      let zh = '';
      for (let k = 0; k < 4; k++) zh += CHINESE[Math.floor(rnd() * CHINESE.length)];
      zh += rnd() < 0.5 ? '王毅会见了塔利班代表团。' : '塔利班发言人回应了王毅的讲话。';
      sinceName = 0;
      return `<p>${zh}</p>`;
    }
    let text = '';
    while (text.length < avgChars * (0.6 + rnd() * 0.8)) text += (text ? ' ' : '') + sentence(rnd, 5 + Math.floor(rnd() * 12));
    let html = inlineMarkup(rnd, esc(text));
    sinceName += text.length;
    if (sinceName >= nextName) {
      sinceName = 0;
      nextName = 1500 + rnd() * 1000;
      const name = names[Math.floor(rnd() * names.length)];
      const cut = html.indexOf(' ', Math.floor(html.length / 2));
      const cutOk = cut > 0 && !/<[^>]*$/.test(html.slice(0, cut));
      html = cutOk ? `${html.slice(0, cut)} ${nameHtml(rnd, name)}${html.slice(cut)}` : `${html} ${nameHtml(rnd, name)} said.`;
    }
    return `<p>${html}</p>`;
  };
}

/** Case 1: the large article (`paragraphs` paragraphs in <article id="a">). */
export function largeArticle(seed, names, paragraphs) {
  const next = paragraphMaker(seed, names);
  const parts = ['<header><h1>Talks in Tianjin: Taliban delegation meets Chinese foreign minister</h1></header><main><article id="a">'];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) parts.push(`<h2>Section ${i / 50 + 1}</h2>`);
    parts.push(next());
  }
  parts.push('</article></main><footer><p>© The Paper</p></footer>');
  return parts.join('');
}

/** Case 3: `count` batches of `size` paragraphs (continuing the article's style, another seed). */
export function growthBatches(seed, names, count, size) {
  const next = paragraphMaker(seed, names);
  return Array.from({ length: count }, () => Array.from({ length: size }, next).join(''));
}

/** Case 2: about `textNodes` small text nodes in nested lists and tables, a name every ~300 nodes. */
export function wideDom(seed, names, textNodes) {
  const rnd = mulberry32(seed);
  const word = () => WORDS[Math.floor(rnd() * WORDS.length)];
  let count = 0;
  let sinceName = 0;
  const cell = () => {
    count++;
    if (++sinceName >= 300) {
      sinceName = 0;
      return esc(names[Math.floor(rnd() * names.length)]);
    }
    return `${word()} ${word()}`;
  };
  const parts = ['<main id="w">'];
  while (count < textNodes) {
    if (rnd() < 0.5) {
      parts.push('<ul>');
      for (let i = 0; i < 8; i++) {
        // 3 text nodes: span, the space, link
        parts.push(`<li><span>${cell()}</span> <a href="#">${cell()}</a>`);
        count++;
        if (i % 4 === 3) {
          parts.push('<ul>');
          for (let j = 0; j < 3; j++) parts.push(`<li>${cell()}</li>`);
          parts.push('</ul>');
        }
        parts.push('</li>');
      }
      parts.push('</ul>');
    } else {
      parts.push('<table><tbody>');
      for (let r = 0; r < 4; r++) {
        parts.push('<tr>');
        for (let c = 0; c < 5; c++) parts.push(`<td>${cell()}</td>`);
        parts.push('</tr>');
      }
      parts.push('</tbody></table>');
    }
  }
  parts.push('</main>');
  return { html: parts.join(''), textNodes: count };
}

export function document(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>`;
}

/**
 * A page as dense in names as the story itself: a figure's name in about `share` of its
 * `paragraphs` paragraphs (the story's own coverage names someone in ~80 % of them).
 */
export function denseArticle(seed, names, paragraphs, share = 0.8) {
  const rnd = mulberry32(seed);
  const parts = ['<header><h1>Talks in Tianjin: who was in the room</h1></header><main><article id="a">'];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 50 === 0) parts.push(`<h2>Section ${i / 50 + 1}</h2>`);
    let html = inlineMarkup(rnd, esc(sentence(rnd, 6 + Math.floor(rnd() * 10))));
    if (rnd() < share) html += ` ${nameHtml(rnd, names[Math.floor(rnd() * names.length)])} ${esc(sentence(rnd, 4 + Math.floor(rnd() * 6)))}`;
    parts.push(`<p>${html}</p>`);
  }
  parts.push('</article></main>');
  return parts.join('');
}

/**
 * A single-page app's article: `first` is shown, `next` waits in a template; `swapInPage` (run in
 * the page, bench/in-page.mjs) replaces the article's paragraphs with it in place, as a client-side
 * navigation does.
 */
export function spaArticle(first, next) {
  return `${first}<template id="next">${next}</template>`;
}

// Words of everyday small print (weather, recipes, offers): text no figure's name or cue occurs in.
const NAME_FREE = (
  'sunny cloudy showers breezy mild warm cool tomorrow afternoon recipe flour sugar butter oven bake minutes ' +
  'stir gently serve fresh garden offer today free shipping order subscribe newsletter discount cart checkout ' +
  'size colour cotton blue green yellow comfortable shoes jacket season sale members points reward'
).split(/\s+/);

/** A frame's document: `paragraphs` short paragraphs of `NAME_FREE` words (an ad, a widget). */
export function nameFreeFrame(seed, paragraphs) {
  const rnd = mulberry32(seed);
  const parts = [];
  for (let i = 0; i < paragraphs; i++) {
    const words = Array.from({ length: 8 + Math.floor(rnd() * 12) }, () => NAME_FREE[Math.floor(rnd() * NAME_FREE.length)]);
    parts.push(`<p>${words.join(' ')}.</p>`);
  }
  return document(parts.join(''));
}

/** A page holding `count` same-origin iframes `${prefix}0`…, and a little name-free text of its own. */
export function framesPage(count, prefix) {
  const frames = Array.from({ length: count }, (_, i) => `<iframe src="${prefix}${i}" width="300" height="120"></iframe>`);
  return document(`<p>Weather and offers for today.</p>${frames.join('')}`);
}
