/** A labelled file picker that hands over the chosen file (tests and screen readers find it by label). */
export function FileInput({
  label,
  accept,
  onFile,
}: {
  label: string;
  accept: string;
  onFile: (file: File | undefined) => void;
}) {
  return (
    <label class="file">
      {label}
      <input type="file" accept={accept} onChange={(e) => onFile(e.currentTarget.files?.[0])} />
    </label>
  );
}
