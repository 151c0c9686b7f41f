/**
 * The lookup page, opened from the context menu on selected text or from the popup: the card of the
 * figure the selection names (or a notice that it names none, with the search), the whole cast, and
 * where the story differs from the record. Plain data in.
 */
import { useState } from 'preact/hooks';
import type { Figure } from '../core/dataset';
import type { SelectionLookup } from '../core/selection';
import { Cast } from './Cast';
import { Differences } from './Differences';
import { StoryLine } from './Story';
import type { Translate } from './translate';

export type LookupTab = 'cast' | 'differences';

export interface LookupProps {
  t: Translate;
  figures: readonly Figure[];
  reviewed: string;
  find: (query: string) => readonly Figure[];
  /** What the selection the page was opened for names; empty when opened without one. */
  selection: SelectionLookup;
  initialTab: LookupTab;
  theme?: string | undefined;
}

export function Lookup(props: LookupProps) {
  const { t, selection } = props;
  const [tab, setTab] = useState<LookupTab>(props.initialTab);
  // Remounts the cast with a figure's card open when one is chosen in the differences view.
  const [opened, setOpened] = useState<{ id: string; n: number } | null>(null);
  const firstNamed = selection.kind === 'figures' ? selection.ids[0] : undefined;
  const notice =
    selection.kind === 'none'
      ? t('lookupNoFigure', selection.shown)
      : selection.kind === 'figures' && selection.ids.length > 1
        ? t('lookupSeveral', [selection.shown, String(selection.ids.length)])
        : undefined;
  return (
    <main class="panel lookup">
      <header class="popup-head">
        <h1 class="title">{t('lookupTitle')}</h1>
      </header>
      <StoryLine t={t} class="story small muted" />
      <nav class="tabs" aria-label={t('lookupViews')}>
        <button type="button" class="tab" aria-pressed={tab === 'cast' ? 'true' : 'false'} onClick={() => setTab('cast')}>
          {t('castTab')}
        </button>
        <button type="button" class="tab" aria-pressed={tab === 'differences' ? 'true' : 'false'} onClick={() => setTab('differences')}>
          {t('differencesTab')}
        </button>
      </nav>
      {tab === 'cast' ? (
        <Cast
          key={opened ? `open-${opened.n}` : 'cast'}
          t={t}
          figures={props.figures}
          reviewed={props.reviewed}
          find={props.find}
          initialQuery={selection.kind === 'none' ? selection.shown : ''}
          initialFigure={opened?.id ?? firstNamed}
          notice={notice}
          theme={props.theme}
        />
      ) : (
        <Differences
          t={t}
          figures={props.figures}
          onOpenFigure={(id) => {
            setOpened((o) => ({ id, n: (o?.n ?? 0) + 1 }));
            setTab('cast');
          }}
        />
      )}
    </main>
  );
}
