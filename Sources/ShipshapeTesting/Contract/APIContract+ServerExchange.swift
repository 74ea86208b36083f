extension APIContract {
    /// Checks an exchange of the loopback test server (`ReceivedRequest` → `ServedResponse`).
    package func check(_ request: ReceivedRequest, _ response: ServedResponse) -> ContractCheck {
        check(
            method: request.method, path: request.path, query: request.queryItems, requestBody: request.body,
            status: response.status, responseBody: response.body)
    }
}
