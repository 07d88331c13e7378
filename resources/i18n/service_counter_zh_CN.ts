<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name />
        <message>
            <source>A user name uses letters, digits, '.' and '_' only.</source>
            <translation>用户名只能包含字母、数字、“.”和“_”。</translation>
        </message>
        <message>
            <source>A password needs at least {n} characters.</source>
            <translation>密码至少需要 {n} 个字符。</translation>
        </message>
        <message>
            <source>The user name {name} is taken.</source>
            <translation>用户名 {name} 已被占用。</translation>
        </message>
        <message>
            <source>An administrator already exists.</source>
            <translation>已经有管理员账户了。</translation>
        </message>
        <message>
            <source>No such user.</source>
            <translation>没有这个用户。</translation>
        </message>
        <message>
            <source>Wrong user name or password, or the account is locked for a while.</source>
            <translation>用户名或密码错误，或账户已被暂时锁定。</translation>
        </message>
        <message>
            <source>The business calendar has no working days.</source>
            <translation>营业日历中没有工作日。</translation>
        </message>
        <message>
            <source>Opening time must be before closing time.</source>
            <translation>开门时间必须早于关门时间。</translation>
        </message>
        <message>
            <source>Choose a customer or enter a new one.</source>
            <translation>请选择客户，或录入新客户。</translation>
        </message>
        <message>
            <source>No such customer.</source>
            <translation>没有这个客户。</translation>
        </message>
        <message>
            <source>The item does not belong to this customer.</source>
            <translation>该商品不属于这个客户。</translation>
        </message>
        <message>
            <source>This date is in the future.</source>
            <translation>这个日期在未来。</translation>
        </message>
        <message>
            <source>A closed or cancelled call cannot be edited.</source>
            <translation>已结案或已注销的叫修记录不能修改。</translation>
        </message>
        <message>
            <source>This call is already closed or cancelled.</source>
            <translation>这条叫修记录已结案或已注销。</translation>
        </message>
        <message>
            <source>No such call.</source>
            <translation>没有这条叫修记录。</translation>
        </message>
        <message>
            <source>No call with the number {number}.</source>
            <translation>没有编号为 {number} 的叫修记录。</translation>
        </message>
        <message>
            <source>This call cannot go from {old} to {new}.</source>
            <translation>这条叫修记录不能从“{old}”改为“{new}”。</translation>
        </message>
        <message>
            <source>Choose the call the item belongs to.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The call {number} is closed; it cannot take an item in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The item of this call is already in the store ({number}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the item (model and serial) that is taken in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the technician who took the item in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The promised date cannot be in the past.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The promised date is too far ahead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No item receipt with the number {number}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No such item receipt.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The item of receipt {number} has already been returned.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The item of receipt {number} has not passed inspection; it cannot go back to the customer yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the last 4 to 6 characters of the ID number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The phone does not match the customer's file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer must sign for the item.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>receipt lost</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>receipt lost, identity checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the kind of complaint.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a customer.</source>
            <translation>请选择客户。</translation>
        </message>
        <message>
            <source>Choose where the complaint came from.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the severity.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a department.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an overdue complaint gets a reminder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A serious complaint needs the manager's decision first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record the resolution before closing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only a closed complaint can be rejected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record the resolution before writing to the customer.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Say how the customer was told: letter or phone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No such complaint.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This complaint is no longer open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose at least one item the contract covers.</source>
            <translation>请至少选择一件合同所保的商品。</translation>
        </message>
        <message>
            <source>The contract must end after it starts.</source>
            <translation>合同的结束日期必须晚于开始日期。</translation>
        </message>
        <message>
            <source>The fee cannot be negative.</source>
            <translation>费用不能为负数。</translation>
        </message>
        <message>
            <source>Visits per year: 0 to 52.</source>
            <translation>每年保养次数：0 到 52 次。</translation>
        </message>
        <message>
            <source>Only an active contract can be renewed.</source>
            <translation>只有有效的合同才能续约。</translation>
        </message>
        <message>
            <source>Only an active contract can be changed.</source>
            <translation>只有有效的合同才能修改。</translation>
        </message>
        <message>
            <source>No such contract.</source>
            <translation>没有这份合同。</translation>
        </message>
        <message>
            <source>The phone {phone} is already on file for {names}.</source>
            <translation>电话 {phone} 已登记在 {names} 的客户资料中。</translation>
        </message>
        <message>
            <source>Enter at least one phone number.</source>
            <translation>请至少录入一个电话号码。</translation>
        </message>
        <message>
            <source>No such zone.</source>
            <translation>没有这个区域。</translation>
        </message>
        <message>
            <source>Choose a product model.</source>
            <translation>请选择商品型号。</translation>
        </message>
        <message>
            <source>No such item.</source>
            <translation>没有这件商品。</translation>
        </message>
        <message>
            <source>No such service voucher.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose an active technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This call has already been dispatched or closed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an open voucher can be reassigned.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The voucher is already with this technician.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category D is for internal work, not for customer calls.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You are not allowed to do this ({action}).</source>
            <translation>您无权进行此操作（{action}）。</translation>
        </message>
        <message>
            <source>Someone else changed this record ({changed_by}, {changed_at}) after you opened it. Nothing was saved: reopen it and apply your change again.</source>
            <translation>在您打开这条记录之后，已有他人修改了它（{changed_by}，{changed_at}）。本次未保存任何内容：请重新打开后再修改一次。</translation>
        </message>
        <message>
            <source>The database is busy with another counter. Nothing was saved: try again.</source>
            <translation>数据库正被其他柜台占用。本次未保存任何内容：请再试一次。</translation>
        </message>
        <message>
            <source>This call's follow-up is already recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This file cannot be read as an Excel workbook (.xlsx).</source>
            <translation>无法将此文件作为 Excel 工作簿（.xlsx）读取。</translation>
        </message>
        <message>
            <source>Between {low} and {high}.</source>
            <translation>应在 {low} 与 {high} 之间。</translation>
        </message>
        <message>
            <source>The model {code} is also on row {row}.</source>
            <translation>型号 {code} 在第 {row} 行也出现了。</translation>
        </message>
        <message>
            <source>The model {code} is already in the catalogue.</source>
            <translation>型号 {code} 已在商品目录中。</translation>
        </message>
        <message>
            <source>{value} is not a date (write it as 2024-03-05).</source>
            <translation>{value} 不是日期（请写成 2024-03-05 的格式）。</translation>
        </message>
        <message>
            <source>The phone {phone} is also on row {row}.</source>
            <translation>电话 {phone} 在第 {row} 行也出现了。</translation>
        </message>
        <message>
            <source>The phone {phone} is already on file.</source>
            <translation>电话 {phone} 已在客户资料中。</translation>
        </message>
        <message>
            <source>There is no zone {name}.</source>
            <translation>没有区域“{name}”。</translation>
        </message>
        <message>
            <source>{value} is neither a person nor a company.</source>
            <translation>“{value}”既不是个人也不是单位。</translation>
        </message>
        <message>
            <source>The model {code} is not in the catalogue.</source>
            <translation>型号 {code} 不在商品目录中。</translation>
        </message>
        <message>
            <source>The import was cancelled: nothing was imported.</source>
            <translation>导入已取消：没有导入任何数据。</translation>
        </message>
        <message>
            <source>Row {row}: {detail} Nothing was imported.</source>
            <translation>第 {row} 行：{detail} 没有导入任何数据。</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>文件是空的。</translation>
        </message>
        <message>
            <source>The header row has no column {column}.</source>
            <translation>标题行中没有“{column}”这一列。</translation>
        </message>
        <message>
            <source>{n} rows have errors: nothing was imported. Correct the file, or choose to import only the good rows.</source>
            <translation>有 {n} 行存在错误：没有导入任何数据。请修改文件，或选择只导入正确的行。</translation>
        </message>
        <message>
            <source>{value} is not an amount of money.</source>
            <translation>{value} 不是金额。</translation>
        </message>
        <message>
            <source>Amounts are in yuan and fen (two decimals).</source>
            <translation>金额以元和分表示（两位小数）。</translation>
        </message>
        <message>
            <source>The price cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The reorder level cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The part number {number} is already in the catalogue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No such part.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only {stock} {unit} of {part} in stock; {wanted} needed. A supervisor can override with a reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give a reason for taking the stock below zero.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter a quantity above zero.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A count cannot be negative.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No part with the number {number}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>At most two decimal places.</source>
            <translation>最多两位小数。</translation>
        </message>
        <message>
            <source>This amount is too large.</source>
            <translation>金额太大。</translation>
        </message>
        <message>
            <source>Choose a value from the list.</source>
            <translation>请从列表中选择一个值。</translation>
        </message>
        <message>
            <source>{value} is not a time zone.</source>
            <translation>{value} 不是时区。</translation>
        </message>
        <message>
            <source>No such weekday.</source>
            <translation>没有这一天（星期几）。</translation>
        </message>
        <message>
            <source>Closing time must be after opening time.</source>
            <translation>关门时间必须晚于开门时间。</translation>
        </message>
        <message>
            <source>The zone {name} already exists.</source>
            <translation>区域“{name}”已经存在。</translation>
        </message>
        <message>
            <source>No such product model.</source>
            <translation>没有这个商品型号。</translation>
        </message>
        <message>
            <source>This item is not in the goods register.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown register filter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No such register entry.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The item has not gone out yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The stop time must be after the start time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the time spent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The time spent must be between 1 minute and 24 hours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No such repair card.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This repair card is closed for work ({status}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This repair card cannot be inspected now ({status}).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No repair work is recorded on this card yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Say how the card came back: phone or paper.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The card cannot come back before it was sent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick one of the four levels.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This card's complaint is already in the register.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No survey card with the number {number}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No such survey card.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This field is required.</source>
            <translation>此项必填。</translation>
        </message>
        <message>
            <source>At most {n} characters (now {m}).</source>
            <translation>最多 {n} 个字符（现在 {m} 个）。</translation>
        </message>
        <message>
            <source>Enter a phone number.</source>
            <translation>请录入电话号码。</translation>
        </message>
        <message>
            <source>{phone} is not a phone number.</source>
            <translation>{phone} 不是电话号码。</translation>
        </message>
        <message>
            <source>Enter an amount such as 80 or 80.50.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arrival cannot be before the dispatch.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Completion cannot be before arrival.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Labour time must be between 0 and 24 hours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The customer must sign the voucher.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This voucher is no longer open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only a call completed on site can be closed here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No such entry.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The two passwords differ.</source>
            <translation>两次输入的密码不一致。</translation>
        </message>
        <message>
            <source>Enter a reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{value} is not a date (YYYY-MM-DD).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>database file or SQLAlchemy URL (default: SERVICE_COUNTER_DB, else the file in the user data folder)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Service Counter (售后服务台): the after-sales service counter. Without a command it starts the application.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>language of the interface (zh_CN or en)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interrupted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup folder {folder} cannot be created: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup folder {folder} is not writable.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backup could not be written to {folder}: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>number of calls in the call-log book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>random seed: the same seed gives the same store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>add the demo store to a database that already holds data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a number of 0 or more</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is not a Service Counter database, or it comes from a newer version: {detail}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the database: {detail}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database {db} already holds data; use --force to add the demo store anyway.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Building the demo store in {db} ({calls} calls)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled: the database keeps what was written so far.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done in {seconds} s.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo accounts (user name / password):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>fill a database with a believable demo store</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BusinessHoursTab</name>
        <message>
            <source>Monday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tuesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wednesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Thursday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Friday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saturday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sunday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Weekday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opens at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closes at</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CustomerFieldsWidget</name>
        <message>
            <source>Several phones: separate with commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no zone)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Phones</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CustomerPicker</name>
        <message>
            <source>Phone (any part), name or serial no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} found: Down to browse, Enter to choose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No customer found: press Enter for a new customer</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ErrorDialog</name>
        <message>
            <source>Service Counter — Something went wrong</source>
            <translation>售后服务台 — 出错了</translation>
        </message>
        <message>
            <source>Sorry, something went wrong in the program. What you were doing may not have been saved: please check it and try again.

If it happens again, press “Copy details” and send them to your administrator.</source>
            <translation>抱歉，程序出了问题。您刚才的操作可能没有保存：请检查后再试一次。

如果问题再次出现，请按“复制详情”，并发送给系统管理员。</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>出错了</translation>
        </message>
        <message>
            <source>Copy details</source>
            <translation>复制详情</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <source>Service Counter</source>
            <translation>售后服务台</translation>
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <source>Service Counter — First start</source>
            <translation>售后服务台 — 首次启动</translation>
        </message>
        <message>
            <source>Welcome to Service Counter</source>
            <translation>欢迎使用售后服务台</translation>
        </message>
        <message>
            <source>This is the first start. Create the administrator account: it sets up the store and the staff accounts. Keep its password safe.</source>
            <translation>这是首次启动。请创建系统管理员账户：用它设置门店资料和职员账户。请妥善保管密码。</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Repeat password</source>
            <translation>再次输入密码</translation>
        </message>
        <message>
            <source>Create administrator</source>
            <translation>创建管理员</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ItemFieldsWidget</name>
        <message>
            <source>YYYY-MM-DD (empty: unknown)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Serial no.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pu&amp;rchase date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Invoice no.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Registered</source>
            <translation>已登记</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>已派工</translation>
        </message>
        <message>
            <source>On site</source>
            <translation>在现场</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已完工</translation>
        </message>
        <message>
            <source>Taken in</source>
            <translation>已带回</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已结案</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已注销</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>信函</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>电子邮件</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>来店</translation>
        </message>
        <message>
            <source>Web</source>
            <translation>网站</translation>
        </message>
        <message>
            <source>A Paid service</source>
            <translation>A 有费服务</translation>
        </message>
        <message>
            <source>B Contract service</source>
            <translation>B 合同服务</translation>
        </message>
        <message>
            <source>C Free (warranty)</source>
            <translation>C 免费服务（保修）</translation>
        </message>
        <message>
            <source>D Internal work</source>
            <translation>D 一般行政工作</translation>
        </message>
        <message>
            <source>Counter clerk</source>
            <translation>业务员</translation>
        </message>
        <message>
            <source>Technician</source>
            <translation>技术员</translation>
        </message>
        <message>
            <source>Service supervisor</source>
            <translation>服务主任</translation>
        </message>
        <message>
            <source>Accountant</source>
            <translation>会计员</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>经理</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>系统管理员</translation>
        </message>
        <message>
            <source>Repair</source>
            <translation>维修</translation>
        </message>
        <message>
            <source>Installation</source>
            <translation>安装调试</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>保养</translation>
        </message>
        <message>
            <source>Inspection</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>Consultation</source>
            <translation>咨询</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>普通</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>紧急</translation>
        </message>
        <message>
            <source>In warranty</source>
            <translation>保修期内</translation>
        </message>
        <message>
            <source>Out of warranty</source>
            <translation>已过保修期</translation>
        </message>
        <message>
            <source>Warranty unknown</source>
            <translation>保修情况不明</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>个人</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>City</source>
            <translation>市区</translation>
        </message>
        <message>
            <source>Suburb</source>
            <translation>郊区</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Service Counter — Log in</source>
            <translation>售后服务台 — 登录</translation>
        </message>
        <message>
            <source>Service Counter</source>
            <translation>售后服务台</translation>
        </message>
        <message>
            <source>Log in with your user name and password.</source>
            <translation>请输入用户名和密码登录。</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Service Counter</source>
            <translation>售后服务台</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Switch user…</source>
            <translation>切换用户(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>偏好设置(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About Service Counter</source>
            <translation>关于售后服务台(&amp;A)</translation>
        </message>
        <message>
            <source>Scan a receipt or search calls, customers, phones…  (F3)</source>
            <translation>扫描收据，或搜索叫修、客户、电话…  (F3)</translation>
        </message>
        <message>
            <source>Switch user (F2)</source>
            <translation>切换用户 (F2)</translation>
        </message>
        <message>
            <source>Nothing here can search for that yet.</source>
            <translation>暂时没有可以搜索这项内容的页面。</translation>
        </message>
        <message>
            <source>Database: {name}</source>
            <translation>数据库：{name}</translation>
        </message>
        <message>
            <source>Workstation: {name}</source>
            <translation>工作站：{name}</translation>
        </message>
        <message>
            <source>User: {name}</source>
            <translation>用户：{name}</translation>
        </message>
        <message>
            <source>About Service Counter</source>
            <translation>关于售后服务台</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Service Counter {version}&lt;/h3&gt;&lt;p&gt;The after-sales service counter of a store: call-log book, dispatch, repairs, money and reports.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;售后服务台 {version}&lt;/h3&gt;&lt;p&gt;门店的售后服务柜台：叫修登记、派工、维修、收款与报表。&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>Pages</name>
        <message>
            <source>Call-log book</source>
            <translation>叫修登记簿</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PlaceholderPage</name>
        <message>
            <source>This book is not available yet.</source>
            <translation>这个登记簿尚未开放。</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>偏好设置</translation>
        </message>
        <message>
            <source>These settings apply to this computer.</source>
            <translation>这些设置只对本机有效。</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>界面语言</translation>
        </message>
    </context>
    <context>
        <name>ProgressPanel</name>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{done} of {total}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Why? (required)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RegisterCallDialog</name>
        <message>
            <source>New call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New c&amp;ustomer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The fault as the customer describes it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Category</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Fault</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;hannel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ser&amp;vice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ur&amp;gency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Received</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Customer chosen: type again to look for another</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New customer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no item / not known)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New item…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last covered day {day}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use the existing customer file?</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dispatch within (business hours)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>This database was made by a newer version of Service Counter. Install the newer version; nothing was changed.</source>
            <translation>这个数据库是由更新版本的售后服务台创建的。请安装新版本；数据库没有任何改动。</translation>
        </message>
        <message>
            <source>This file is not a Service Counter database. Nothing was changed.</source>
            <translation>这个文件不是售后服务台的数据库。没有做任何改动。</translation>
        </message>
        <message>
            <source>The database cannot be written (the file or its folder is read-only). Ask your administrator to fix the permissions; nothing was changed.</source>
            <translation>数据库无法写入（文件或其所在文件夹为只读）。请让系统管理员修改权限；没有做任何改动。</translation>
        </message>
        <message>
            <source>The disk holding the database is full. Free some space and start again; nothing was changed.</source>
            <translation>数据库所在的磁盘已满。请腾出空间后重新启动；没有做任何改动。</translation>
        </message>
        <message>
            <source>The database file cannot be opened. Check that its folder exists and that you may write to it.</source>
            <translation>无法打开数据库文件。请检查其文件夹是否存在，以及您是否有写入权限。</translation>
        </message>
        <message>
            <source>Service Counter cannot start</source>
            <translation>售后服务台无法启动</translation>
        </message>
    </context>
    <context>
        <name>StoreProfileTab</name>
        <message>
            <source>Service centre</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Branch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printed on the customer item receipt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save terms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Store profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Store name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receipt terms</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SwitchUserDialog</name>
        <message>
            <source>Switch user</source>
            <translation>切换用户</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Press the number of your name, type your password, press Enter.</source>
            <translation>按下您姓名前的数字，输入密码，再按回车。</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>登录</translation>
        </message>
    </context>
    <context>
        <name>ZonesTab</name>
        <message>
            <source> h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zone name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dispatch within</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save zone</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
