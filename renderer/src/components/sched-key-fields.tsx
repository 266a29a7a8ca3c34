/** The Sched API address and key inputs, as the welcome screen and Settings both ask for them. */
export function SchedKeyFields({
  id,
  baseUrl,
  apiKey,
  onBaseUrl,
  onApiKey,
}: {
  /** A `useId()` of the form, so each label names its input. */
  id: string;
  baseUrl: string;
  apiKey: string;
  onBaseUrl: (value: string) => void;
  onApiKey: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={`${id}-url`}>Sched API address</label>
      <input
        id={`${id}-url`}
        type="url"
        placeholder="https://sched.example.com/v1"
        value={baseUrl}
        autoComplete="off"
        onChange={(e) => onBaseUrl(e.target.value)}
      />
      <label htmlFor={`${id}-key`}>API key</label>
      <input
        id={`${id}-key`}
        type="password"
        value={apiKey}
        autoComplete="off"
        onChange={(e) => onApiKey(e.target.value)}
      />
    </>
  );
}
