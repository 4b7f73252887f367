import { useApiImage } from '../api/images';

/** A category's image (fetched with the session's token), or a neutral placeholder. */
export function Thumb({ url, alt, size = 28 }: { url: string | null; alt: string; size?: number }) {
  const src = useApiImage(url);
  if (!src) {
    return <span className="thumb thumb-empty" style={{ width: size, height: size }} aria-hidden="true" />;
  }
  return <img className="thumb" src={src} alt={alt} width={size} height={size} loading="lazy" />;
}
