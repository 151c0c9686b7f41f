/** The figure card: who this is, role then and now, what the story says, what differs from the record, sources. */
import { Fragment, type ComponentChildren } from 'preact';
import type { Category, Figure, Source } from '../core/dataset';
import { readerDate } from './dates';
import type { Translate } from './translate';

export interface CardProps {
  t: Translate;
  figure: Figure;
  /** Display names of every figure by id, for connections. */
  nameOf: (id: string) => string | undefined;
  reviewed: string;
  /** Opens another figure's card in place. */
  onOpenFigure: (id: string) => void;
  /** Set when there is a card to go back to. */
  onBack?: (() => void) | undefined;
  onClose: () => void;
  /** Whether the card stays open until closed; offers a pin button when `onTogglePin` is set. */
  pinned?: boolean | undefined;
  onTogglePin?: (() => void) | undefined;
  /**
   * Rendered ahead, hidden, while the pointer rests on a name (see CardHost.prepare): not yet the
   * page's dialog, so it carries no role or name until shown.
   */
  staged?: boolean | undefined;
  /**
   * The language of the card's own strings (the browser's UI language, BCP 47); the dataset's text
   * is English and marked so, so a screen reader reads each part with the right voice.
   */
  uiLang?: string | undefined;
}

/** The message naming each kind of figure. */
export const CATEGORY_KEY: Record<Category, string> = {
  person: 'cardPerson',
  organization: 'cardOrganization',
  place: 'cardPlace',
};

const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

/** Language of the dataset's text (names, roles, summaries, sources). */
const DATA_LANG = 'en';

export function Card({ t, figure, nameOf, reviewed, onOpenFigure, onBack, onClose, pinned, onTogglePin, staged, uiLang = 'en' }: CardProps) {
  const sourceNumber = new Map(figure.sources.map((s, i) => [s.id, i + 1]));
  const cite = (ids: readonly string[]) => <Citations t={t} ids={ids} sources={figure.sources} numbers={sourceNumber} />;
  const connections = figure.relations.filter((r) => nameOf(r.target) !== undefined);
  // No <header>/<footer> here: inside a dialog they would still count as the page's banner and
  // contentinfo landmarks in some browsers, and the card is not the page.
  return (
    <div
      class="card"
      role={staged ? undefined : 'dialog'}
      aria-label={staged ? undefined : figure.name}
      data-figure={figure.id}
      tabIndex={-1}
      lang={uiLang}
      dir={textDirection(uiLang)}
    >
      {/* Sticky: at high zoom the card scrolls under its name, Pin and Close, which stay in reach
          (a direct child of the scrolling card, or it would stick only within its parent). */}
      <div class="bar">
        <div class="toolbar">
          {onBack && (
            <button type="button" class="icon-button back" onClick={onBack} aria-label={t('cardBack')} title={t('cardBackTitle')}>
              <span aria-hidden="true">‹</span>
            </button>
          )}
          <span class="category">{t(CATEGORY_KEY[figure.category])}</span>
          {onTogglePin && (
            <button
              type="button"
              class={`icon-button pin${pinned ? ' pinned' : ''}`}
              onClick={onTogglePin}
              aria-pressed={pinned ? 'true' : 'false'}
              title={pinned ? t('cardPinnedTitle') : t('cardPinTitle')}
            >
              <span aria-hidden="true">{pinned ? '●' : '○'}</span> {t('cardPin')}
            </button>
          )}
          <button type="button" class="icon-button close" onClick={onClose} aria-label={t('cardClose')} title={t('cardCloseTitle')}>
            ×
          </button>
        </div>
        <h2 class="name" lang={DATA_LANG}>
          {figure.name}
        </h2>
      </div>
      <div class="head">
        {figure.nativeNames.length > 0 && (
          <p class="native">
            {uniqueNatives(figure.nativeNames).map((n, i) => (
              <Fragment key={n.text}>
                {i > 0 && (
                  <span class="sep" aria-hidden="true">
                    {' '}
                    ·{' '}
                  </span>
                )}
                <bdi lang={n.lang} dir={RTL_SCRIPT.test(n.text) ? 'rtl' : 'ltr'} class="native-name">
                  {n.text}
                </bdi>
              </Fragment>
            ))}
          </p>
        )}
        <dl class="roles">
          <div>
            <dt>{t('cardRoleThen')}</dt>
            <dd lang={DATA_LANG}>
              {figure.roleThen.text} {cite(figure.roleThen.sources)}
            </dd>
          </div>
          <div>
            <dt>{figure.roleNow.asOf && !figure.roleNow.final ? t('cardRoleAsOf', readerDate(figure.roleNow.asOf, t('cardDateLocale'))) : t('cardRoleNow')}</dt>
            <dd lang={DATA_LANG}>
              {figure.roleNow.text} {cite(figure.roleNow.sources)}
            </dd>
          </div>
        </dl>
      </div>

      <p class="summary" lang={DATA_LANG}>
        {figure.summary.text} {cite(figure.summary.sources)}
      </p>

      {figure.inThisStory.length > 0 && (
        <Section title={t('cardInThisStory')}>
          <ul lang={DATA_LANG}>
            {figure.inThisStory.map((item, i) => (
              <li key={i} class={item.claimBy ? 'claim' : undefined}>
                {item.claimBy && <strong class="claim-label">{t('cardClaimBy', item.claimBy)} </strong>}
                {item.text}
                {item.quote && (
                  <blockquote lang={item.quote.lang}>
                    “{item.quote.text}”
                    <span class="quote-where">
                      {item.quote.where}
                      {item.quote.date && `, ${item.quote.date}`}
                    </span>
                  </blockquote>
                )}{' '}
                {cite(item.sources)}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {figure.checks.length > 0 && (
        <Section title={t('cardCheck')} className="checks">
          <ul>
            {figure.checks.map((check, i) => (
              <li key={i}>
                <span class="check-story">
                  {t('cardCheckStory')} <span lang={DATA_LANG}>{check.story}</span>
                </span>
                <span class="check-record">
                  {t('cardCheckRecord')} <span lang={DATA_LANG}>{check.record}</span> {cite(check.sources)}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {connections.length > 0 && (
        <Section title={t('cardConnections')}>
          <ul class="connections" lang={DATA_LANG}>
            {connections.map((r, i) => (
              <li key={i}>
                <button type="button" class="link-button" data-target={r.target} onClick={() => onOpenFigure(r.target)}>
                  {nameOf(r.target)}
                </button>
                <span class="relation">
                  {' '}
                  — {r.text}
                  {r.date && ` (${r.date})`}
                </span>{' '}
                {cite(r.sources)}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {figure.facts.length > 0 && (
        <Section title={t('cardKeyFacts')} collapsed>
          <ul lang={DATA_LANG}>
            {figure.facts.map((fact, i) => (
              <li key={i}>
                {fact.date && <time>{fact.date}: </time>}
                {fact.text} {cite(fact.sources)}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t('cardSources')} className="sources">
        <ol lang={DATA_LANG}>
          {figure.sources.map((s) => (
            <li key={s.id}>
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
                <span class="visually-hidden" lang={uiLang}>
                  {' '}
                  {t('cardOpensNewTab')}
                </span>
              </a>
              <span class="source-meta">
                {' '}
                — {s.publisher}, {s.asOf}
                {s.relay && ` · ${t('cardSourceRelay')}`}
                {s.unverified && ` · ${t('cardSourceUnverified')}`}
              </span>
            </li>
          ))}
        </ol>
      </Section>

      <p class="foot">{t('cardFooter', reviewed)}</p>
    </div>
  );
}

function uniqueNatives(names: Figure['nativeNames']): Figure['nativeNames'] {
  const seen = new Set<string>();
  return names.filter((n) => (seen.has(n.text) ? false : (seen.add(n.text), true)));
}

/** Right-to-left UI languages (Chrome's and Firefox's locales); every other one reads left to right. */
const RTL_LANGS = new Set(['ar', 'fa', 'he', 'iw', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function textDirection(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGS.has(lang.toLowerCase().split(/[-_]/)[0]!) ? 'rtl' : 'ltr';
}

/** A section with a real heading in its summary, so screen readers can list and jump between sections. */
function Section({ title, children, className, collapsed }: { title: string; children: ComponentChildren; className?: string; collapsed?: boolean }) {
  return (
    <details class={`section ${className ?? ''}`} open={!collapsed}>
      <summary>
        <h3 class="section-title">{title}</h3>
      </summary>
      {children}
    </details>
  );
}

/**
 * Inline citations, named for what they open ("Source 2: Reuters, opens in a new tab"). They stay
 * out of the Tab order: the Sources section lists the same links, each reachable there once, not
 * fifteen times over.
 */
function Citations({ t, ids, sources, numbers }: { t: Translate; ids: readonly string[]; sources: readonly Source[]; numbers: Map<string, number> }) {
  return (
    <span class="cites">
      {ids.map((id) => {
        const source = sources.find((s) => s.id === id);
        if (!source) return null;
        const n = String(numbers.get(id));
        return (
          <a
            key={id}
            class="cite"
            href={source.url}
            target="_blank"
            rel="noopener noreferrer"
            tabIndex={-1}
            aria-label={t('cardCitation', [n, source.publisher])}
            title={`${source.title} — ${source.publisher}`}
          >
            [{n}]
          </a>
        );
      })}
    </span>
  );
}
