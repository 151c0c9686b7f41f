/**
 * The options page: every setting, applied as it changes; reset to defaults; the keyboard
 * shortcuts; a privacy note. Plain data in, callbacks out (the entry saves and reports status).
 */
import type { ComponentChildren, TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { Category } from '../core/dataset';
import { CATEGORIES, type Settings } from '../core/settings-model';
import { Switch } from './widgets';
import type { Translate } from './translate';

/** The settings the form edits. */
type OptionsSettings = Settings;

export interface Shortcut {
  /** The command name from the manifest ('next-mention', …). */
  name: string;
  /** As the browser shows it ("Alt+Shift+Period"); empty when the user removed it. */
  shortcut: string;
  /** The manifest's description, used for commands this page has no message for. */
  description?: string | undefined;
}

export type SaveStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; message: string };

interface OptionsLimits {
  dwellMin: number;
  dwellMax: number;
  maxSites: number;
}

export interface OptionsProps {
  t: Translate;
  /** This browser draws the underline style with a tint (Firefox: see highlight.css). */
  underlineComesWithTint?: boolean;
  settings: OptionsSettings;
  /** What was invalid in the stored settings and has been reset (shown until dismissed). */
  problems: readonly string[];
  status: SaveStatus;
  shortcuts: readonly Shortcut[];
  limits: OptionsLimits;
  /** A site as the list keeps it, or null when the input names no site. */
  normalizeSite: (input: string) => string | null;
  onChange: (settings: OptionsSettings) => void;
  onReset: () => void;
  onDismissProblems?: (() => void) | undefined;
}

export const DEFAULT_SHORTCUTS: readonly Shortcut[] = [
  { name: 'next-mention', shortcut: 'Alt+Shift+Period' },
  { name: 'previous-mention', shortcut: 'Alt+Shift+Comma' },
  { name: 'open-at-caret', shortcut: 'Alt+Shift+O' },
];

const CATEGORY_KEY: Record<Category, string> = {
  person: 'optionsCategoryPeople',
  organization: 'optionsCategoryOrganizations',
  place: 'optionsCategoryPlaces',
};
const COMMAND_KEY: Record<string, string> = {
  'next-mention': 'shortcutNextMention',
  'previous-mention': 'shortcutPreviousMention',
  'open-at-caret': 'shortcutOpenAtCaret',
};

export function Options(props: OptionsProps) {
  const { t, settings, problems, status, onChange } = props;
  const set = <K extends keyof OptionsSettings>(key: K, value: OptionsSettings[K]) => onChange({ ...settings, [key]: value });
  return (
    <main class="panel options">
      <h1 class="title">{t('optionsTitle')}</h1>

      {problems.length > 0 && (
        <div class="notice warning" role="alert" data-problems="">
          <p>{t('optionsProblems')}</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {props.onDismissProblems && (
            <button type="button" class="button" onClick={props.onDismissProblems}>
              {t('optionsDismiss')}
            </button>
          )}
        </div>
      )}

      <form class="form" onSubmit={(e) => e.preventDefault()} aria-label={t('optionsTitle')}>
        <fieldset class="group">
          <legend>{t('optionsCategories')}</legend>
          {CATEGORIES.map((category) => (
            <Check
              key={category}
              id={`category-${category}`}
              label={t(CATEGORY_KEY[category])}
              checked={settings.categories[category]}
              onChange={(on) => set('categories', { ...settings.categories, [category]: on })}
            />
          ))}
        </fieldset>

        <Radios
          name="highlight"
          legend={t('optionsHighlight')}
          value={settings.highlight}
          options={[
            ['underline', t(props.underlineComesWithTint ? 'optionsHighlightUnderlineTinted' : 'optionsHighlightUnderline')],
            ['background', t('optionsHighlightBackground')],
            ['none', t('optionsHighlightNone')],
          ]}
          sample={t('optionsHighlightSample')}
          onChange={(v) => set('highlight', v)}
          hint={t('optionsHighlightHint')}
        />

        <DwellInput t={t} value={settings.dwellMs} limits={props.limits} onChange={(v) => set('dwellMs', v)} />

        <Radios
          name="theme"
          legend={t('optionsTheme')}
          value={settings.theme}
          options={[
            ['system', t('optionsThemeSystem')],
            ['light', t('optionsThemeLight')],
            ['dark', t('optionsThemeDark')],
          ]}
          onChange={(v) => set('theme', v)}
        />

        <fieldset class="group">
          <legend>{t('optionsGeneral')}</legend>
          <Switch name="badge" label={t('optionsBadge')} hint={t('optionsBadgeHint')} checked={settings.badge} onChange={(v) => set('badge', v)} />
          <Switch name="paused" label={t('optionsPaused')} checked={settings.paused} onChange={(v) => set('paused', v)} />
        </fieldset>

        <SitesEditor {...props} />
      </form>

      <section class="group" aria-labelledby="shortcuts-heading">
        <h2 class="subtitle" id="shortcuts-heading">
          {t('optionsShortcuts')}
        </h2>
        <table class="shortcuts">
          <tbody>
            {props.shortcuts.map((s) => (
              <tr key={s.name} data-command={s.name}>
                <th scope="row">{COMMAND_KEY[s.name] ? t(COMMAND_KEY[s.name]!) : (s.description ?? s.name)}</th>
                <td>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="muted">{t('shortcutNotSet')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted">{t('optionsShortcutsChange')}</p>
      </section>

      <section class="group" aria-labelledby="privacy-heading">
        <h2 class="subtitle" id="privacy-heading">
          {t('optionsPrivacy')}
        </h2>
        <p>{t('optionsPrivacyText')}</p>
      </section>

      <footer class="actions">
        <button type="button" class="button" onClick={props.onReset}>
          {t('optionsReset')}
        </button>
        <p class={`status ${status.state}`} role="status" aria-live="polite">
          {status.state === 'saved'
            ? t('optionsSaved')
            : status.state === 'saving'
              ? t('optionsSaving')
              : status.state === 'error'
                ? t('optionsSaveFailed', status.message)
                : ''}
        </p>
      </footer>
    </main>
  );
}

function Check({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <div class="check-row">
      <input type="checkbox" id={id} checked={checked} onChange={(e: TargetedEvent<HTMLInputElement>) => onChange(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

function Radios<V extends string>(props: {
  name: string;
  legend: string;
  value: V;
  options: ReadonlyArray<readonly [V, string]>;
  onChange: (value: V) => void;
  hint?: string;
  /** A word shown after each label, marked by the page that hosts the form in that option's style. */
  sample?: string;
  children?: ComponentChildren;
}) {
  const hintId = `${props.name}-hint`;
  return (
    <fieldset class="group" aria-describedby={props.hint ? hintId : undefined}>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => {
        const id = `${props.name}-${value}`;
        return (
          <div class="check-row" key={value}>
            <input type="radio" id={id} name={props.name} value={value} checked={props.value === value} onChange={() => props.onChange(value)} />
            <label for={id}>
              {label}
              {props.sample && (
                <span class="mark-sample" data-mark-sample={value} aria-hidden="true">
                  {props.sample}
                </span>
              )}
            </label>
          </div>
        );
      })}
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}

function DwellInput({ t, value, limits, onChange }: { t: Translate; value: number; limits: OptionsLimits; onChange: (ms: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const range = [String(limits.dwellMin), String(limits.dwellMax)];
  const text = draft ?? String(value);
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(parsed) && parsed >= limits.dwellMin && parsed <= limits.dwellMax;
  const commit = () => {
    if (!valid) return;
    setDraft(null);
    if (parsed !== value) onChange(parsed);
  };
  return (
    <div class="field">
      <label for="dwell">{t('optionsDwell')}</label>
      <input
        id="dwell"
        type="number"
        inputMode="numeric"
        min={limits.dwellMin}
        max={limits.dwellMax}
        step={10}
        value={text}
        aria-invalid={valid ? undefined : 'true'}
        aria-describedby="dwell-hint"
        onInput={(e: TargetedEvent<HTMLInputElement>) => setDraft(e.currentTarget.value)}
        onChange={commit}
      />
      <p class={valid ? 'hint' : 'hint error'} id="dwell-hint">
        {valid ? t('optionsDwellHint', range) : t('optionsDwellInvalid', range)}
      </p>
    </div>
  );
}

function SitesEditor({ t, settings, limits, normalizeSite, onChange }: OptionsProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = (event: Event) => {
    event.preventDefault();
    const host = normalizeSite(input);
    if (host === null) return setError(t('optionsSiteInvalid', input.trim()));
    if (settings.sites.includes(host)) return setError(t('optionsSiteDuplicate', host));
    if (settings.sites.length >= limits.maxSites) return setError(t('optionsSitesFull', String(limits.maxSites)));
    setError(null);
    setInput('');
    onChange({ ...settings, sites: [...settings.sites, host] });
  };
  const remove = (site: string) => onChange({ ...settings, sites: settings.sites.filter((s) => s !== site) });
  return (
    <fieldset class="group sites">
      <legend>{t('optionsSites')}</legend>
      <Radios
        name="site-mode"
        legend={t('optionsSiteMode')}
        value={settings.siteMode}
        options={[
          ['off-sites', t('optionsSiteModeOff')],
          ['only-sites', t('optionsSiteModeOnly')],
        ]}
        onChange={(v) => onChange({ ...settings, siteMode: v })}
        hint={t('optionsSitesHint')}
      />
      {/* h2: the form's groups are fieldsets, not headings, so this follows the page's h1 (axe heading-order). */}
      <h2 class="list-title" id="site-list-title">
        {settings.siteMode === 'off-sites' ? t('optionsSiteListOff') : t('optionsSiteListOnly')}
      </h2>
      {settings.sites.length === 0 ? (
        <p class="muted">{t('optionsSitesEmpty')}</p>
      ) : (
        <ul class="site-list" aria-labelledby="site-list-title">
          {settings.sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" class="button small" aria-label={t('optionsRemoveSite', site)} onClick={() => remove(site)}>
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="add-site">
        <label for="add-site">{t('optionsAddSiteLabel')}</label>
        <div class="inline">
          <input
            id="add-site"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={input}
            maxLength={2048}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'add-site-error' : undefined}
            onInput={(e: TargetedEvent<HTMLInputElement>) => setInput(e.currentTarget.value)}
            onKeyDown={(e: KeyboardEvent) => {
              if (e.key === 'Enter') add(e);
            }}
          />
          <button type="button" class="button" onClick={add}>
            {t('optionsAddSite')}
          </button>
        </div>
        {error && (
          <p class="hint error" id="add-site-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </fieldset>
  );
}
