// Small transaction files for the import stories, in the shapes real exports come in.

/** An order export with a header: 4 good rows, a missing customer, a bad date, a bad amount and a cancellation. */
export const ORDERS_CSV = `Customer ID,InvoiceDate,Amount,Qty,Category,Invoice
C-1001,2024-01-02,120.50,2,Books,1001
C-1002,2024-01-05,45.25,1,Toys,1002
C-1001,2024-02-14,80.00,1,Home,1003
,2024-02-15,10.00,1,Home,1004
C-1003,2024-13-45,19.75,1,Beauty,1005
C-1003,2024-03-20,12x,2,Sports,1006
C-1002,2024-03-01,300.00,3,Electronics,C1007
C-1003,2024-03-22,60.00,2,Sports,1008
C-1004,2024-04-02,75.40,1,Fashion,1009
C-1005,2024-04-18,210.00,4,Electronics,1010
`;

/** Line-level data with day-first dates and unit prices (amount = price × quantity), semicolon-separated. (Decimal commas are not read as numbers by the import core yet.). */
export const LINES_CSV = `client;day;unit_price;units;department
A17;01/05/2024;2.50;4;Grocery
B02;02/05/2024;10.00;1;Home
A17;15/05/2024;7.25;2;Grocery
C44;20/05/2024;99.00;1;Electronics
`;

export const file = (text: string, name: string): File => new File([text], name, { type: 'text/csv' });
