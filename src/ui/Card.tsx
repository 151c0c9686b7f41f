/** The figure card: who this is, role then and now, what the story says, what differs from the record, sources. */
import { Fragment, type ComponentChildren } from 'preact';
import type { Category, Figure, Source } from '../core/dataset';

export interface CardProps {
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
}

const CATEGORY_LABEL: Record<Category, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
};

const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;

export function Card({ figure, nameOf, reviewed, onOpenFigure, onBack, onClose, pinned, onTogglePin }: CardProps) {
  const sourceNumber = new Map(figure.sources.map((s, i) => [s.id, i + 1]));
  const cite = (ids: readonly string[]) => <Citations ids={ids} sources={figure.sources} numbers={sourceNumber} />;
  const connections = figure.relations.filter((r) => nameOf(r.target) !== undefined);
  return (
    <div class="card" role="dialog" aria-label={figure.name} data-figure={figure.id} tabIndex={-1}>
      <header class="head">
        <div class="toolbar">
          {onBack && (
            <button type="button" class="icon-button" onClick={onBack} aria-label="Back to the previous card" title="Back">
              ‹
            </button>
          )}
          <span class="category">{CATEGORY_LABEL[figure.category]}</span>
          {onTogglePin && (
            <button
              type="button"
              class={`icon-button pin${pinned ? ' pinned' : ''}`}
              onClick={onTogglePin}
              aria-pressed={pinned ? 'true' : 'false'}
              aria-label="Keep this card open"
              title={pinned ? 'Pinned: stays open until closed' : 'Pin: keep open'}
            >
              {pinned ? '●' : '○'}
            </button>
          )}
          <button type="button" class="icon-button close" onClick={onClose} aria-label="Close card" title="Close (Esc)">
            ×
          </button>
        </div>
        <h2 class="name">{figure.name}</h2>
        {figure.nativeNames.length > 0 && (
          <p class="native">
            {uniqueNatives(figure.nativeNames).map((n, i) => (
              <Fragment key={n.text}>
                {i > 0 && <span class="sep" aria-hidden="true"> · </span>}
                <bdi lang={n.lang} dir={RTL_SCRIPT.test(n.text) ? 'rtl' : 'ltr'} class="native-name">
                  {n.text}
                </bdi>
              </Fragment>
            ))}
          </p>
        )}
        <dl class="roles">
          <div>
            <dt>In 2021</dt>
            <dd>
              {figure.roleThen.text} {cite(figure.roleThen.sources)}
            </dd>
          </div>
          <div>
            <dt>{figure.roleNow.asOf ? `As of ${figure.roleNow.asOf}` : 'Now'}</dt>
            <dd>
              {figure.roleNow.text} {cite(figure.roleNow.sources)}
            </dd>
          </div>
        </dl>
      </header>

      <p class="summary">
        {figure.summary.text} {cite(figure.summary.sources)}
      </p>

      {figure.inThisStory.length > 0 && (
        <Section title="In this story">
          <ul>
            {figure.inThisStory.map((item, i) => (
              <li key={i} class={item.claimBy ? 'claim' : undefined}>
                {item.claimBy && <strong class="claim-label">Claim by {item.claimBy}: </strong>}
                {item.text}
                {item.quote && (
                  <blockquote lang={item.quote.lang}>
                    “{item.quote.text}”
                    <footer>
                      {item.quote.where}
                      {item.quote.date && `, ${item.quote.date}`}
                    </footer>
                  </blockquote>
                )}{' '}
                {cite(item.sources)}
              </li>
            ))}
          </ul>
        </Section>
      )}

      {figure.checks.length > 0 && (
        <Section title="Check" className="checks">
          <ul>
            {figure.checks.map((check, i) => (
              <li key={i}>
                <span class="check-story">The story: {check.story}</span>
                <span class="check-record">
                  The record: {check.record} {cite(check.sources)}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {connections.length > 0 && (
        <Section title="Connections">
          <ul class="connections">
            {connections.map((r, i) => (
              <li key={i}>
                <button type="button" class="link-button" onClick={() => onOpenFigure(r.target)}>
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
        <Section title="Key facts" collapsed>
          <ul>
            {figure.facts.map((fact, i) => (
              <li key={i}>
                {fact.date && <time>{fact.date}: </time>}
                {fact.text} {cite(fact.sources)}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title="Sources" className="sources">
        <ol>
          {figure.sources.map((s) => (
            <li key={s.id}>
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>
              <span class="source-meta">
                {' '}
                — {s.publisher}, {s.asOf}
              </span>
            </li>
          ))}
        </ol>
      </Section>

      <footer class="foot">Context Cards · data reviewed {reviewed} · bundled, no tracking</footer>
    </div>
  );
}

function uniqueNatives(names: Figure['nativeNames']): Figure['nativeNames'] {
  const seen = new Set<string>();
  return names.filter((n) => (seen.has(n.text) ? false : (seen.add(n.text), true)));
}

function Section({ title, children, className, collapsed }: { title: string; children: ComponentChildren; className?: string; collapsed?: boolean }) {
  return (
    <details class={`section ${className ?? ''}`} open={!collapsed}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

function Citations({ ids, sources, numbers }: { ids: readonly string[]; sources: readonly Source[]; numbers: Map<string, number> }) {
  return (
    <span class="cites">
      {ids.map((id) => {
        const source = sources.find((s) => s.id === id);
        if (!source) return null;
        return (
          <a key={id} class="cite" href={source.url} target="_blank" rel="noopener noreferrer" title={`${source.title} — ${source.publisher}`}>
            [{numbers.get(id)}]
          </a>
        );
      })}
    </span>
  );
}
