/** Widgets the popup and the options page share. */
import type { TargetedEvent } from 'preact';

interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** A line under the label (described-by). */
  hint?: string | undefined;
  disabled?: boolean | undefined;
  /** Makes the ids unique on the page. */
  name: string;
}

/** An on/off switch: a native checkbox with role="switch", so it works with every input method. */
export function Switch({ label, checked, onChange, hint, disabled, name }: SwitchProps) {
  const id = `switch-${name}`;
  const onInput = (event: TargetedEvent<HTMLInputElement>) => onChange(event.currentTarget.checked);
  return (
    <div class="switch-row">
      <input
        type="checkbox"
        role="switch"
        class="switch"
        id={id}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={onInput}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label for={id} class="switch-label">
        <span>{label}</span>
        {hint && (
          <span class="hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}
