// A new password typed twice: the two must agree before the form may be sent.
import { useStore } from '@nanostores/preact';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/account-schemas';
import { LIMITS } from '../../../../shared/limits';
import { texts } from '../../i18n/i18n';

const accountTexts = texts('account');

export function NewPasswordFields({
  value,
  confirm,
  onInput,
}: {
  value: string;
  confirm: string;
  onInput: (value: string, confirm: string) => void;
}) {
  const t = useStore(accountTexts);
  return (
    <>
      <label>
        {t.newPassword}
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
        {t.repeatPassword}
        <input
          type="password"
          autocomplete="new-password"
          required
          maxLength={LIMITS.password}
          value={confirm}
          onInput={(e) => {
            const input = e.currentTarget;
            input.setCustomValidity(input.value === value ? '' : t.passwordsDiffer);
            onInput(value, input.value);
          }}
        />
      </label>
      <p class="muted small">{t.atLeast({ count: MIN_PASSWORD_LENGTH })}</p>
    </>
  );
}
