/** The route that answers the plain example report as a JSON download. */
export const EXAMPLE_REPORT_ROUTE = '/api/telemetry_management_section/example_report';
/** The file name the download is saved as. */
export const EXAMPLE_REPORT_FILE_NAME = 'opensearch_dashboards_usage_data_example.json';
