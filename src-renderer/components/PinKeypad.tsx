import { useTranslation } from 'react-i18next';

type Props = {
  onDigit(digit: string): void;
  onBackspace(): void;
  onClear(): void;
};

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** On-screen digits: the PIN never passes through a physical keyboard or an input element. */
export function PinKeypad({ onDigit, onBackspace, onClear }: Props) {
  const { t } = useTranslation();
  const key = (digit: string) => (
    <button key={digit} type="button" className="keypad__key" data-testid={`key-${digit}`} onClick={() => onDigit(digit)}>
      {digit}
    </button>
  );
  return (
    <div className="keypad">
      {DIGITS.map(key)}
      <button type="button" className="keypad__key keypad__key--fn" data-testid="key-clear" onClick={onClear}>
        {t('adminLogin.clear')}
      </button>
      {key('0')}
      <button type="button" className="keypad__key keypad__key--fn" data-testid="key-backspace" onClick={onBackspace}>
        {t('adminLogin.backspace')}
      </button>
    </div>
  );
}
