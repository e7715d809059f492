import React from 'react';
import ReactDOM from 'react-dom';
import { ReplaySubject } from 'rxjs';
import { EuiCallOut, EuiEmptyPrompt, EuiPage, EuiPageBody, EuiPageContent, EuiButton, EuiText } from '@opensearch-project/oui';

/** `fatalErrors`: for errors the page cannot go on after (a plugin that fails to set up). */
export interface FatalErrorsSetup {
  /** Replaces the whole page with an error screen. Never returns. */
  add(error: string | Error, source?: string): never;
}
export type FatalErrorsStart = FatalErrorsSetup;

interface FatalError {
  message: string;
  source?: string;
  stack?: string;
}

/** Shows every fatal error on one screen in place of the page. */
export class FatalErrorsService {
  private readonly errors$ = new ReplaySubject<FatalError>();
  private readonly errors: FatalError[] = [];
  private shown = false;

  constructor(private readonly rootDomElement: HTMLElement, private readonly onFirstError: () => void = () => undefined) {}

  public setup(): FatalErrorsSetup {
    return {
      add: (error, source) => {
        const info = typeof error === 'string' ? { message: error } : { message: error.message, stack: error.stack };
        this.record({ ...info, source });
        throw error instanceof Error ? error : new Error(error);
      },
    };
  }

  public start(): FatalErrorsStart {
    return this.setup();
  }

  /** Internal: shows the screen without throwing (core's own start-up failures). */
  public record(error: FatalError) {
    this.errors.push(error);
    this.errors$.next(error);
    // eslint-disable-next-line no-console
    console.error(`Fatal error${error.source ? ` in ${error.source}` : ''}: ${error.message}`);
    this.render();
  }

  private render() {
    if (!this.shown) {
      this.shown = true;
      this.onFirstError();
      ReactDOM.unmountComponentAtNode(this.rootDomElement);
    }
    ReactDOM.render(<FatalErrorScreen errors={[...this.errors]} />, this.rootDomElement);
  }
}

const FatalErrorScreen: React.FunctionComponent<{ errors: FatalError[] }> = ({ errors }) => (
  <EuiPage style={{ minHeight: '100vh' }}>
    <EuiPageBody>
      <EuiPageContent verticalPosition="center" horizontalPosition="center" role={null} data-test-subj="fatalErrorScreen">
        <EuiEmptyPrompt
          iconType="alert"
          iconColor="danger"
          title={<h2>Something went wrong</h2>}
          body={<p>Try refreshing the page. If that does not help, check the server log.</p>}
          actions={[
            <EuiButton key="reload" color="primary" fill onClick={() => window.location.reload()}>
              Refresh page
            </EuiButton>,
          ]}
        />
        {errors.map((error, i) => (
          <EuiCallOut key={i} title={error.message} color="danger" iconType="alert" data-test-subj="fatalErrorMessage">
            {error.source && <p>{`Source: ${error.source}`}</p>}
            {error.stack && (
              <EuiText size="xs">
                <pre>
                  <code>{error.stack}</code>
                </pre>
              </EuiText>
            )}
          </EuiCallOut>
        ))}
      </EuiPageContent>
    </EuiPageBody>
  </EuiPage>
);
