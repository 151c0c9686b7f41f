/**
 * The toolbar popup: the figures on the current tab grouped by kind, the connections among them,
 * and the "On this site" / "Pause everywhere" switches. Plain data in, callbacks out.
 */
import type { Category, Figure } from '../core/dataset';
import type { FigureCount } from '../core/figure-id';
import { CATEGORIES } from '../core/settings-model';
import { StoryLine } from './Story';
import type { Translate } from './translate';
import { Switch } from './widgets';

/** Why the popup cannot list the figures of a tab. */
export type UnreadableReason = 'browser-page' | 'store-page' | 'pdf' | 'file' | 'reload';

export type PopupPage = { state: 'loading' } | { state: 'unreadable'; reason: UnreadableReason } | { state: 'ready'; figures: readonly FigureCount[] };

export interface PopupProps {
  t: Translate;
  /** Every figure of the dataset (display data). */
  figures: readonly Figure[];
  page: PopupPage;
  /** The tab's site and whether the site list lets Context Cards run there; null for pages without a site. */
  site: { hostname: string; enabled: boolean } | null;
  paused: boolean;
  /** False when the browser withholds access to web pages (Firefox lets people do that). */
  siteAccess: boolean;
  onRequestSiteAccess: () => void;
  onShowFigure: (id: string) => void;
  onSiteChange: (enabled: boolean) => void;
  onPauseChange: (paused: boolean) => void;
  onOpenOptions: () => void;
  /** Switches to the story's whole cast (PopupCast). */
  onShowCast: () => void;
}

/** The message key of each kind's group heading (the popup's page list and the cast). */
export const GROUP_KEY: Record<Category, string> = { person: 'groupPeople', organization: 'groupOrganizations', place: 'groupPlaces' };
const REASON_KEY: Record<UnreadableReason, string> = {
  'browser-page': 'reasonBrowserPage',
  'store-page': 'reasonStorePage',
  pdf: 'reasonPdf',
  file: 'reasonFile',
  reload: 'reasonReload',
};
/** At most this many connections are listed. */
export const MAX_CONNECTIONS = 8;
const ROLE_LENGTH = 80;

/** Shortens a role line at a word boundary. */
export function truncate(text: string, max = ROLE_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(–—-]+$/, '')}…`;
}

interface Present {
  figure: Figure;
  count: number;
}

/** The figures on the page with their counts, known ids only, most mentioned first. */
function presentFigures(figures: readonly Figure[], counts: readonly FigureCount[]): Present[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const present: Present[] = [];
  for (const { id, count } of counts) {
    const figure = byId.get(id);
    if (figure && count > 0) present.push({ figure, count });
  }
  return present.sort((a, b) => b.count - a.count || a.figure.name.localeCompare(b.figure.name));
}

interface Connection {
  from: Figure;
  to: Figure;
  text: string;
}

/**
 * Relations whose both ends are on the page: one per pair of figures (relations are often
 * recorded from both ends), taken from the more mentioned figure, in the order of `present`.
 */
function connectionsAmong(present: readonly Present[]): Connection[] {
  const byId = new Map(present.map((p) => [p.figure.id, p.figure]));
  const seen = new Set<string>();
  const connections: Connection[] = [];
  for (const { figure } of present) {
    for (const relation of figure.relations) {
      const to = byId.get(relation.target);
      const key = [figure.id, relation.target].sort().join('|');
      if (!to || to === figure || seen.has(key)) continue;
      seen.add(key);
      connections.push({ from: figure, to, text: relation.text });
    }
  }
  return connections;
}

export function Popup(props: PopupProps) {
  const { t, site, paused } = props;
  return (
    <main class="panel popup">
      <header class="popup-head">
        <h1 class="title">{t('extName')}</h1>
        <button type="button" class="link-button" onClick={props.onOpenOptions}>
          {t('popupOpenOptions')}
        </button>
      </header>
      <StoryLine t={t} class="story small muted" />

      <section class="switches" aria-label={t('popupSwitchesLabel')}>
        <Switch
          label={t('popupSiteSwitch')}
          hint={site ? site.hostname : t('popupSiteSwitchUnavailable')}
          checked={site?.enabled ?? false}
          disabled={site === null}
          onChange={props.onSiteChange}
          name="site"
        />
        <Switch label={t('popupPauseSwitch')} checked={paused} onChange={props.onPauseChange} name="pause" />
      </section>

      {paused ? (
        <p class="notice" role="status">
          {t('popupPausedNotice')}
        </p>
      ) : site && !site.enabled ? (
        <p class="notice" role="status">
          {t('popupSiteOffNotice')}
        </p>
      ) : null}

      {!props.siteAccess && (
        <div class="notice access" role="status">
          <p>{t('popupNoSiteAccess')}</p>
          <button type="button" class="button" onClick={props.onRequestSiteAccess}>
            {t('grantSiteAccess')}
          </button>
        </div>
      )}

      <PageFigures {...props} />

      <p class="cast-link">
        <button type="button" class="link-button" onClick={props.onShowCast}>
          {t('castShow', String(props.figures.length))}
        </button>
      </p>
    </main>
  );
}

function PageFigures({ t, page, figures, onShowFigure }: PopupProps) {
  if (page.state === 'loading') {
    return (
      <p class="muted" role="status">
        {t('popupLoading')}
      </p>
    );
  }
  if (page.state === 'unreadable') {
    return (
      <div class="unreadable" role="status">
        <h2 class="subtitle">{t('popupUnreadable')}</h2>
        <p class="muted">{t(REASON_KEY[page.reason])}</p>
      </div>
    );
  }
  const present = presentFigures(figures, page.figures);
  if (present.length === 0) {
    return (
      <p class="muted" role="status">
        {t('popupNoFigures')}
      </p>
    );
  }
  const connections = connectionsAmong(present);
  return (
    <>
      {CATEGORIES.map((category) => {
        const group = present.filter((p) => p.figure.category === category);
        if (group.length === 0) return null;
        const headingId = `group-${category}`;
        return (
          <section class="group" data-category={category} key={category} aria-labelledby={headingId}>
            <h2 class="subtitle" id={headingId}>
              {t(GROUP_KEY[category])}
            </h2>
            <ul class="figures">
              {group.map(({ figure, count }) => (
                <li key={figure.id}>
                  <button type="button" class="figure" data-figure={figure.id} onClick={() => onShowFigure(figure.id)} title={figure.roleThen.text}>
                    <span class="figure-line">
                      {/* Names, roles and connections are the dataset's, in English whatever the UI language. */}
                      <span class="figure-name" lang="en">
                        {figure.name}
                      </span>
                      <span class="figure-count">{count === 1 ? t('popupMentionOne') : t('popupMentionMany', String(count))}</span>
                    </span>
                    <span class="figure-role" lang="en">
                      {truncate(figure.roleThen.text)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {connections.length > 0 && (
        <section class="group connections" aria-labelledby="connections-heading">
          <h2 class="subtitle" id="connections-heading">
            {t('popupConnections')}
          </h2>
          <ul class="connection-list">
            {connections.slice(0, MAX_CONNECTIONS).map((c) => (
              <li key={`${c.from.id}|${c.to.id}|${c.text}`} lang="en">
                {t('popupConnection', [c.from.name, c.text])}
              </li>
            ))}
          </ul>
          {connections.length > MAX_CONNECTIONS && <p class="muted small">{t('popupMoreConnections', String(connections.length - MAX_CONNECTIONS))}</p>}
        </section>
      )}
    </>
  );
}
