/**
 * The story's whole cast, keyboard first: a search box over every figure (type, arrows, Enter) and,
 * when a figure is chosen, its card in place (Esc or ‹ back to the list). Used by the toolbar popup
 * and the lookup page. Plain data in: the search itself lives in core/search.ts and arrives as
 * `find`.
 */
import type { TargetedEvent, TargetedKeyboardEvent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Figure } from '../core/dataset';
import { Card } from './Card';
import { CATEGORIES } from '../core/settings-model';
import { GROUP_KEY, truncate } from './Popup';
import type { Translate } from './translate';

export interface CastProps {
  t: Translate;
  figures: readonly Figure[];
  reviewed: string;
  /** The figures a query names, best first (core/search.ts). */
  find: (query: string) => readonly Figure[];
  initialQuery?: string | undefined;
  /** A figure whose card is open from the start (the lookup page opened for a selection). */
  initialFigure?: string | undefined;
  /** Shown above the list, for example "“…” names no figure of the story". */
  notice?: string | undefined;
  /** The reader's theme setting, for the card ('system', 'light' or 'dark'). */
  theme?: string | undefined;
}

/** What the view shows: the list, or a card with the figures opened before it. */
type CastView = { kind: 'list' } | { kind: 'card'; id: string; back: readonly string[] };

export function Cast(props: CastProps) {
  const { t, figures, find } = props;
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [view, setView] = useState<CastView>(props.initialFigure ? { kind: 'card', id: props.initialFigure, back: [] } : { kind: 'list' });
  const input = useRef<HTMLInputElement>(null);
  const listRoot = useRef<HTMLDivElement>(null);
  const cardRoot = useRef<HTMLDivElement>(null);
  const byId = new Map(figures.map((f) => [f.id, f]));
  const results = query.trim() ? find(query) : null;

  // Focus follows the view: the card's dialog when a card opens, the search box when the list returns.
  useEffect(() => {
    if (view.kind === 'card') cardRoot.current?.querySelector<HTMLElement>('[role="dialog"]')?.focus();
    else input.current?.focus();
  }, [view]);

  const open = (id: string, from?: string) => setView({ kind: 'card', id, back: from ? [...(view.kind === 'card' ? view.back : []), from] : [] });
  const back = () => {
    if (view.kind !== 'card') return;
    const previous = view.back.at(-1);
    setView(previous ? { kind: 'card', id: previous, back: view.back.slice(0, -1) } : { kind: 'list' });
  };

  if (view.kind === 'card') {
    const figure = byId.get(view.id);
    if (figure) {
      return (
        <div
          class="layer inline-card"
          data-theme={props.theme}
          ref={cardRoot}
          onKeyDown={(event: TargetedKeyboardEvent<HTMLDivElement>) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              back();
            }
          }}
        >
          <Card
            t={t}
            figure={figure}
            nameOf={(id) => byId.get(id)?.name}
            reviewed={props.reviewed}
            onOpenFigure={(id) => open(id, figure.id)}
            onBack={back}
            onClose={() => setView({ kind: 'list' })}
          />
        </div>
      );
    }
  }

  const buttons = () => [...(listRoot.current?.querySelectorAll<HTMLButtonElement>('button.figure') ?? [])];
  const moveFocus = (event: TargetedKeyboardEvent<HTMLElement>) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) input.current?.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === 'Enter' && event.currentTarget === input.current && all[0]) {
      event.preventDefault();
      open(all[0].dataset.figure!);
    } else if (event.key === 'Escape' && event.currentTarget === input.current && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const item = (figure: Figure) => (
    <li key={figure.id}>
      <button type="button" class="figure" data-figure={figure.id} onClick={() => open(figure.id)} onKeyDown={moveFocus}>
        <span class="figure-line">
          <span class="figure-name">{figure.name}</span>
        </span>
        <span class="figure-role">{truncate(figure.roleThen.text)}</span>
      </button>
    </li>
  );

  return (
    <div class="cast" ref={listRoot}>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <label class="search-label" for="cast-search">
        {t('castSearchLabel')}
      </label>
      <input
        ref={input}
        id="cast-search"
        class="search"
        type="search"
        autocomplete="off"
        spellcheck={false}
        value={query}
        placeholder={t('castSearchPlaceholder')}
        aria-describedby="cast-count"
        onInput={(event: TargetedEvent<HTMLInputElement>) => setQuery(event.currentTarget.value)}
        onKeyDown={moveFocus}
      />
      <p class="muted small" id="cast-count" role="status">
        {results === null ? t('castCountAll', String(figures.length)) : results.length === 0 ? t('castNoMatch') : t('castCountFound', String(results.length))}
      </p>
      {results !== null ? (
        <ul class="figures">{results.map(item)}</ul>
      ) : (
        CATEGORIES.map((category) => {
          const group = figures.filter((f) => f.category === category).sort((a, b) => a.name.localeCompare(b.name));
          if (group.length === 0) return null;
          return (
            <section class="group" data-category={category} key={category} aria-labelledby={`cast-${category}`}>
              <h2 class="subtitle" id={`cast-${category}`}>
                {t(GROUP_KEY[category])}
              </h2>
              <ul class="figures">{group.map(item)}</ul>
            </section>
          );
        })
      )}
    </div>
  );
}
