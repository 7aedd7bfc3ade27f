import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-header';
import { useTitle } from '../use-title';

export default function NotFoundPage() {
  useTitle('Not found');
  return (
    <section className="card">
      <PageTitle>Page not found</PageTitle>
      <p>There is nothing here, or it is not available to you.</p>
      <Link to="/">Back to your plans</Link>
    </section>
  );
}
