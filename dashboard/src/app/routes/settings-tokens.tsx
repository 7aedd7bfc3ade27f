import { PageHeader } from '../../components/ui/page-header';
import { TokensView } from '../../features/tokens/components/tokens-view';
import { useSession } from '../use-session';
import { useTitle } from '../use-title';

export default function SettingsTokensPage() {
  useTitle('My API tokens');
  const me = useSession();
  return (
    <>
      <PageHeader
        title="My API tokens"
        description="Scripts and other tools use a token instead of your password. Each one expires; one made for a plan may only record and import posts there."
      />
      <TokensView me={me} />
    </>
  );
}
