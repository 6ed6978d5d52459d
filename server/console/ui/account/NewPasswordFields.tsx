// A new password typed twice: the two must agree before the form may be sent.
import { MIN_PASSWORD_LENGTH } from '../../../../shared/account-schemas';
import { LIMITS } from '../../../../shared/limits';

export function NewPasswordFields({ value, confirm, onInput }: { value: string; confirm: string; onInput: (value: string, confirm: string) => void }) {
  return (
    <>
      <label>
        New password
        <input
          type="password"
          autocomplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={LIMITS.password}
          value={value}
          onInput={(e) => onInput(e.currentTarget.value, confirm)}
        />
      </label>
      <label>
        Repeat new password
        <input
          type="password"
          autocomplete="new-password"
          required
          maxLength={LIMITS.password}
          value={confirm}
          onInput={(e) => {
            const input = e.currentTarget;
            input.setCustomValidity(input.value === value ? '' : 'The two passwords differ');
            onInput(value, input.value);
          }}
        />
      </label>
      <p class="muted small">At least {MIN_PASSWORD_LENGTH} characters.</p>
    </>
  );
}
