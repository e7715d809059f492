import React from 'react';
import { EuiEmptyPrompt, EuiPage, EuiPageBody, EuiPageContent, EuiLink, EuiText } from '@opensearch-project/oui';
import { UnmountCallback } from '../utils/mount';
import { App, AppMountParameters } from './types';

interface Props {
  app: App;
  createMountParams: (app: App, element: HTMLElement) => AppMountParameters;
}

interface State {
  error?: Error;
}

/**
 * Mounts one app into its own element and unmounts it when the app changes (the router keys this component
 * by app id). A mount that throws or rejects shows an error screen for this app; the rest of the page stays.
 */
export class AppContainer extends React.Component<Props, State> {
  public state: State = {};
  private readonly element = React.createRef<HTMLDivElement>();
  private unmount?: UnmountCallback;
  private removed = false;

  public componentDidMount() {
    void this.mountApp();
  }

  public componentWillUnmount() {
    this.removed = true;
    this.runUnmount();
  }

  public render() {
    const { app } = this.props;
    const { error } = this.state;
    return (
      <>
        {error && <AppErrorScreen title={app.title} error={error} />}
        <div className="osdAppWrapper" data-test-subj={`appContainer-${app.id}`} ref={this.element} hidden={Boolean(error)} />
      </>
    );
  }

  private async mountApp() {
    const { app, createMountParams } = this.props;
    const element = this.element.current!;
    try {
      const unmount = await app.mount(createMountParams(app, element));
      if (this.removed) {
        safely(unmount, app.id);
      } else {
        this.unmount = unmount;
      }
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      // eslint-disable-next-line no-console
      console.error(`Application "${app.id}" failed to mount:`, error);
      if (!this.removed) this.setState({ error });
    }
  }

  private runUnmount() {
    const unmount = this.unmount;
    this.unmount = undefined;
    if (unmount) safely(unmount, this.props.app.id);
  }
}

function safely(unmount: UnmountCallback, appId: string) {
  try {
    unmount();
  } catch (e) {
    // eslint-disable-next-line no-console
    console.error(`Application "${appId}" failed to unmount:`, e);
  }
}

/** The error screen of one app (no landmark of its own: the page's one `main` is core's app container). */
export const AppErrorScreen: React.FunctionComponent<{ title: string; error: Error }> = ({ title, error }) => (
  <EuiPage>
    <EuiPageBody component="div">
      <EuiPageContent verticalPosition="center" horizontalPosition="center" role={null} data-test-subj="appErrorScreen">
        <EuiEmptyPrompt
          iconType="alert"
          iconColor="danger"
          title={<h2>{`${title} failed to load`}</h2>}
          body={
            <>
              <p>The application hit an error while starting. Other applications still work.</p>
              {/* Plain <pre>: EuiCodeBlock would pull a syntax highlighter into the bundle. */}
              <EuiText size="s" textAlign="left">
                <pre data-test-subj="appErrorMessage">
                  <code>{error.message}</code>
                </pre>
              </EuiText>
              <p>
                <EuiLink onClick={() => window.location.reload()}>Reload the page</EuiLink>
              </p>
            </>
          }
        />
      </EuiPageContent>
    </EuiPageBody>
  </EuiPage>
);

/** Shown for `/app/<id>` when no plugin registered `<id>`. */
export const AppNotFound: React.FunctionComponent<{ appId: string }> = ({ appId }) => (
  <EuiPage>
    <EuiPageBody component="div">
      <EuiPageContent verticalPosition="center" horizontalPosition="center" role={null} data-test-subj="appNotFoundPageContent">
        <EuiEmptyPrompt
          iconType="alert"
          iconColor="warning"
          title={<h2>Application Not Found</h2>}
          body={<p>{`No application was found at this URL ("${appId}"). Try going back or choosing an app from the menu.`}</p>}
        />
      </EuiPageContent>
    </EuiPageBody>
  </EuiPage>
);
