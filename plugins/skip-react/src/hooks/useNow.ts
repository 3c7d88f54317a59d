import { useEffect, useState } from 'react';

/** The current time in ms, re-rendering every `intervalMs` so "N seconds ago" texts keep counting. */
export function useNow(intervalMs: number = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
