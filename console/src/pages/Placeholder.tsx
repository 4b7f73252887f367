/** A section whose page is not built yet: says so rather than showing nothing. */
export function Placeholder({ title }: { title: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="muted">This page is not available yet.</p>
    </section>
  );
}

export function NotFound() {
  return (
    <section className="page">
      <h1>Not found</h1>
      <p className="muted">No page here. Pick a section above.</p>
    </section>
  );
}
